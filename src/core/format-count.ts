let intl: Intl.NumberFormat | undefined;

/**
 * A number as en-US writes it ("1,409"). Whole counts are grouped here:
 * the first Intl.NumberFormat a page creates costs ~10 ms (ICU data), and
 * the first verdict of every page needs a count. Anything else goes to Intl.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return (intl ??= new Intl.NumberFormat('en-US')).format(n);
  const digits = String(n);
  return digits.length <= 3 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, ',');
}
