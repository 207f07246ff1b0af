import type { FastifyReply } from 'fastify';

/** The hidden field carrying the CSRF token: put it in every form that changes something. */
export function CsrfField({ token }: { readonly token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A CSRF token for a form on the page being answered (sets the secret cookie when needed). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}

/** `<CsrfField>` for the page being answered. */
export function csrfField(reply: FastifyReply) {
  return <CsrfField token={csrfToken(reply)} />;
}
