// The referral directory: everyone who chats reads it; supervisors and administrators keep it,
// and move it between installations as a JSON file (an import is all or nothing).
import type { FastifyInstance } from 'fastify';
import {
  directoryEntryRequestSchema,
  directoryImportBodyLimit,
  directoryImportRequestSchema,
  toolkitIdParamsSchema,
  type DirectoryImportErrorBody,
  type DirectoryImportResponse,
  type DirectoryListResponse,
} from '../../../protocol/toolkitApi.js';
import { InvalidDirectoryFile } from '../../../app/toolkit/directoryUseCases.js';
import type { AppContext } from '../../appContext.js';
import { parseBody } from '../errors.js';

export function directoryRoutes(ctx: AppContext) {
  const directory = ctx.app.directory;
  return async (app: FastifyInstance) => {
    app.get('/api/directory', { config: { access: 'toolkit:read' } }, async (): Promise<DirectoryListResponse> => ({ entries: await directory.list() }));

    app.post('/api/directory', { config: { access: 'toolkit:edit' } }, async (request, reply) => {
      const content = parseBody(directoryEntryRequestSchema, request.body);
      return reply.code(201).send({ entry: await directory.create(content, request.staffAuth!.staff) });
    });

    app.put('/api/directory/:id', { config: { access: 'toolkit:edit' } }, async (request) => {
      const { id } = parseBody(toolkitIdParamsSchema, request.params);
      const content = parseBody(directoryEntryRequestSchema, request.body);
      return { entry: await directory.update(id, content, request.staffAuth!.staff) };
    });

    app.delete('/api/directory/:id', { config: { access: 'toolkit:edit' } }, async (request, reply) => {
      const { id } = parseBody(toolkitIdParamsSchema, request.params);
      await directory.remove(id, request.staffAuth!.staff);
      return reply.code(204).send();
    });

    app.get('/api/directory/export', { config: { access: 'toolkit:edit' } }, async (request, reply) => {
      const file = await directory.exportFile(request.staffAuth!.staff);
      return reply.type('application/json; charset=utf-8').header('content-disposition', 'attachment; filename="sociale-kaart.json"').send(file);
    });

    app.post('/api/directory/import', { config: { access: 'toolkit:edit' }, bodyLimit: directoryImportBodyLimit }, async (request, reply) => {
      const { content } = parseBody(directoryImportRequestSchema, request.body);
      try {
        const result: DirectoryImportResponse = await directory.importFile(content, request.staffAuth!.staff);
        return result;
      } catch (error) {
        if (!(error instanceof InvalidDirectoryFile)) throw error;
        const body: DirectoryImportErrorBody = { error: { code: 'invalid_file', message: 'the file has errors; nothing was imported', issues: error.issues } };
        return reply.code(422).send(body);
      }
    });
  };
}
