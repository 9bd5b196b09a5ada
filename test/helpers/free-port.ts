export { freePort } from '../../src/bench/free-port.js';
