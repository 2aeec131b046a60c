import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageHost } from './page-host.ts';

test('a page with a host name uses it', () => {
  assert.equal(pageHost({ location: { hostname: 'news.example.cn' }, origin: 'https://news.example.cn' }), 'news.example.cn');
});

test('an about:blank or srcdoc frame uses the origin it inherited from its parent', () => {
  assert.equal(pageHost({ location: { hostname: '' }, origin: 'https://news.example.cn:8443' }), 'news.example.cn');
});

test('an opaque origin (sandboxed frame, data: URL) has no host', () => {
  assert.equal(pageHost({ location: { hostname: '' }, origin: 'null' }), '');
  assert.equal(pageHost({ location: { hostname: '' } }), '');
});
