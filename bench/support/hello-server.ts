import Fastify from 'fastify';
import { announceAndServe } from './child-server.ts';

// The baseline: a bare Fastify hello-world, nothing registered, no logger.
const app = Fastify();
app.get('/', () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');
announceAndServe(address.port, () => app.close());
