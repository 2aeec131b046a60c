// The baseline of the command-line figures (bench/cli.ts): plain opencc-js as a
// process, Traditional (Taiwan) to Simplified, standard input to standard output.
import { Converter } from 'opencc-js/t2cn';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(Converter({ from: 'tw', to: 'cn' })(Buffer.concat(chunks).toString('utf8')));
