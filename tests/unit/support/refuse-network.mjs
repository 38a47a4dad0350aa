// Loaded with `node --import` (through NODE_OPTIONS, so every Node child inherits it) into a
// process that must never reach the network: the first connection or name lookup it tries ends
// it at once, saying what it tried, instead of waiting for a timeout on a machine with no network.
import dns from 'node:dns';
import net from 'node:net';

const REFUSED_EXIT_CODE = 97;

function refuse(what) {
  process.stderr.write(`refused network access: ${what}\n`);
  process.exit(REFUSED_EXIT_CODE);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectLocallyOnly(...args) {
  const [first] = args;
  const options = Array.isArray(first) ? first[0] : first;
  // A Unix socket or named pipe is the machine talking to itself.
  if (typeof options === 'string' || (typeof options === 'object' && options !== null && typeof options.path === 'string')) {
    return connect.apply(this, args);
  }
  const host = typeof options === 'object' && options !== null ? options.host : args[1];
  const port = typeof options === 'object' && options !== null ? options.port : first;
  return refuse(`connect to ${host ?? 'localhost'}:${port}`);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host) => refuse(`look up ${host}`);
  dns.promises[name] = async (host) => refuse(`look up ${host}`);
}
