import Fastify from 'fastify';
import { announceAndServe } from './child-server.ts';

// The baseline: a bare Fastify hello-world, no logger, answering `{"hello":"world"}` at `/` and,
// so that it can be loaded with another benchmark's list of paths, at any other path too.
const app = Fastify();
const hello = () => ({ hello: 'world' });
app.get('/', hello);
app.get('/*', hello);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
announceAndServe(address.port, () => app.close());
