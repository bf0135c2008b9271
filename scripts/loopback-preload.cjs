// Preloaded into the Agents Playground (node --require): it binds all interfaces by default, so every
// listen() without an explicit loopback host is pinned to 127.0.0.1.
const net = require('node:net');

const originalListen = net.Server.prototype.listen;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    if (first.path === undefined && !LOOPBACK.has(first.host)) args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = args[1];
    if (typeof host === 'string') {
      if (!LOOPBACK.has(host)) args[1] = '127.0.0.1';
    } else {
      args.splice(1, 0, '127.0.0.1');
    }
  }
  return originalListen.apply(this, args);
};
