import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { validateList } from '../../../../app/validate-ids.ts';
import { LANGUAGES } from '../../../../i18n/languages.ts';
import { localPath } from '../../../../views/page-context.ts';
import { pageContext } from '../../page-context.ts';
import { checkForm, readForm, type ValidateForm } from './form.ts';
import { ValidatePage } from './validate-page.tsx';

/** Longest shareable address offered as a link to the results. */
const MAX_PERMALINK_LENGTH = 2000;

function permalinkOf(path: string, form: ValidateForm): string | undefined {
  const query = new URLSearchParams({ ids: form.text });
  if (form.kind !== undefined) query.set('kind', form.kind);
  const link = `${path}?${query.toString()}`;
  return link.length <= MAX_PERMALINK_LENGTH ? link : undefined;
}

function render(request: FastifyRequest, reply: FastifyReply, form: ValidateForm): FastifyReply {
  const ctx = pageContext(request);
  const checkedForm = checkForm(form);
  if ('error' in checkedForm) {
    return reply.code(400).html(ValidatePage({ ctx, form, error: checkedForm.error }));
  }
  const checked = validateList(checkedForm.ids, form.kind);
  const permalink = permalinkOf(localPath(ctx, '/tools/validate'), form);
  return reply.html(ValidatePage({ ctx, form, checked, permalink }));
}

/**
 * `/{lang}/tools/validate`: GET shows the form and, given `?ids=`, the results (so they can be
 * linked); POST (a plain HTML form) shows the results under the form.
 */
export const validatePageRoutes: FastifyPluginAsync = (app) => {
  for (const lang of LANGUAGES) {
    const path = `/${lang}/tools/validate`;
    app.get(path, { schema: { hide: true } }, (request, reply) => {
      const form = readForm(request.query);
      if (form.text === '') return reply.html(ValidatePage({ ctx: pageContext(request), form }));
      return render(request, reply, form);
    });
    app.post(path, { schema: { hide: true } }, (request, reply) =>
      render(request, reply, readForm(request.body)),
    );
  }
  return Promise.resolve();
};
