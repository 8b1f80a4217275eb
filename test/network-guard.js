// Loaded by mocha before every suite (.mocharc.json "require"): proves that nothing in
// the product opens a connection off this machine. Any socket connect to a non-loopback
// address throws before a packet is sent, and is recorded; the hardening suite asserts
// the record is empty at the end. Loopback stays open for the headless-browser tests.
'use strict';
const net = require('node:net');
const dns = require('node:dns');

const attempts = [];

function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // net defaults to localhost
  const h = String(host).toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\./.test(h) || h === '0.0.0.0';
}

function describeTarget(args) {
  const first = args[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path) return { host: 'unix-socket', allowed: true, path: first.path };
    return { host: first.host, port: first.port, allowed: isLoopback(first.host) };
  }
  if (typeof first === 'string' && isNaN(Number(first))) return { host: 'unix-socket', allowed: true, path: first };
  return { host: args[1], port: first, allowed: isLoopback(args[1]) };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const flat = Array.isArray(args[0]) ? args[0] : args; // internal normalized form
  const target = describeTarget(flat);
  if (!target.allowed) {
    const record = `${target.host}:${target.port}`;
    attempts.push(record);
    throw new Error(`network guard: outbound connection to ${record} refused (Tokenomics must not use the network)`);
  }
  return originalConnect.apply(this, args);
};

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (!isLoopback(hostname)) {
    attempts.push(`dns:${hostname}`);
    const cb = rest.find((a) => typeof a === 'function');
    const err = Object.assign(new Error(`network guard: DNS lookup of ${hostname} refused`), { code: 'ENOTFOUND' });
    if (cb) return process.nextTick(() => cb(err));
    throw err;
  }
  return originalLookup.call(this, hostname, ...rest);
};

module.exports = { attempts, isLoopback, guardedConnect: net.Socket.prototype.connect };
globalThis.__tokenomicsNetworkGuard = module.exports;
