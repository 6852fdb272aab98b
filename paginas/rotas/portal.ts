/**
 * The representante legal's portal (/portal): the institutions he represents
 * today (the mandates the Ator already resolved: api/auth/contas.ts) and their
 * processes, each with its phase, the notice awaiting his ciência and the
 * prazo running against him ("faltam N dias úteis" to 23:59:59 of the last
 * day), and the representações already ended (a procuração expired), with
 * their end. The process itself opens on the common process page, where he opens
 * the notice, answers and gets his receipts.
 */
import type { FastifyInstance } from 'fastify';
import { noEscopo } from '../../api/auth/escopo';
import { HttpError } from '../../api/errors';
import { instante } from '../../api/instantes';
import { ProcessosService } from '../../api/processos/service';
import { formatarCnpj } from '../../rules/identificadores';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { rotuloFase } from '../../rules/ritos/registro';
import type { PaginasDeps } from '../plugin';
import { restante } from '../prazos';
import { exigirAtor } from '../sessao';
import { renderizar } from '../visao';

export default async function portalPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const service = new ProcessosService(deps.db, deps.temporal, deps.taskQueue);

  app.get(
    '/portal',
    // The processes' requerentes are not shown; institutions are legal persons. The page lists, as GET /v1/processos, the caller's own scope.
    { config: { auditoria: { acao: 'pagina.portal.ler', recurso: 'processo', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      const ator = exigirAtor(request);
      const agoraMs = Number(await (deps.relogio ?? Date.now)());
      // The representações already over, with their end and its reason: a representante whose procuração expired
      // (or whose role ended with it) still opens his portal and learns why his institution is gone from it.
      const encerradas = await deps.db
        .selectFrom('representacao')
        .select(['instituicao_cnpj', 'instituicao_nome', 'tipo', 'fim', 'motivo_fim'])
        .where('usuario_id', '=', ator.id)
        .where('fim', '<=', new Date(agoraMs))
        .orderBy('fim', 'desc')
        .limit(50)
        .execute();
      if (!ator.papeis.includes('representante') && !encerradas.length) throw new HttpError(403, 'sem-permissao', 'Seu perfil não permite acessar esta página.');
      const mandatos = ator.instituicoes.length
        ? await deps.db
            .selectFrom('representacao')
            .select(['instituicao_cnpj', 'instituicao_nome', 'tipo'])
            .where('usuario_id', '=', ator.id)
            .where('instituicao_cnpj', 'in', ator.instituicoes)
            .execute()
        : [];
      const processos = await deps.db.selectFrom('processo').selectAll().where(noEscopo(ator)).orderBy('encerrado').orderBy('criado_em', 'desc').limit(500).execute();
      const abertos = processos.length
        ? await deps.db.selectFrom('prazo_processo').selectAll().where('situacao', '=', 'aberto').where('processo_id', 'in', processos.map((p) => p.id)).execute()
        : [];
      const linhas = await Promise.all(
        processos.map(async (p) => {
          const estado = p.encerrado ? null : await service.estado(p);
          const pz = abertos.find((x) => x.processo_id === p.id);
          return {
            cnpj: p.instituicao_cnpj,
            id: p.id,
            numeroSei: p.numero_sei,
            tipo: rotuloTipoProcesso(p.tipo),
            fase: rotuloFase(p.tipo, estado?.fase ?? p.fase),
            encerrado: estado?.encerrado ?? p.encerrado,
            cienciaPendente: (estado?.notificacaoPendente ?? p.notificacao_pendente) === true,
            prazo: pz ? { rotulo: pz.rotulo, limite: instante(pz.limite), restante: await restante(deps.db, p.unidade, pz.vencimento, pz.uteis, agoraMs) } : null,
          };
        }),
      );
      const cnpjs = [...new Set([...mandatos.map((m) => m.instituicao_cnpj), ...processos.map((p) => p.instituicao_cnpj)])];
      const instituicoes = cnpjs.map((cnpj) => {
        const m = mandatos.find((x) => x.instituicao_cnpj === cnpj);
        const nome = m?.instituicao_nome ?? processos.find((p) => p.instituicao_cnpj === cnpj)?.instituicao_nome ?? cnpj;
        return { cnpj: formatarCnpj(cnpj), nome, qualidade: m?.tipo === 'procurador' ? 'Procurador(a)' : 'Representante legal', processos: linhas.filter((l) => l.cnpj === cnpj) };
      });
      const pendentes = linhas.filter((l) => l.cienciaPendente).length;
      return renderizar(request, reply, 'portal', {
        titulo: 'Minhas instituições',
        migalhas: [{ rotulo: 'Minhas instituições' }],
        mensagens: pendentes ? [{ tipo: 'warning', texto: `${pendentes} ${pendentes === 1 ? 'notificação aguarda' : 'notificações aguardam'} a sua ciência.` }] : [],
        instituicoes,
        encerradas: encerradas.map((r) => ({
          nome: r.instituicao_nome,
          cnpj: formatarCnpj(r.instituicao_cnpj),
          qualidade: r.tipo === 'procurador' ? 'Procurador(a)' : 'Representante legal',
          fim: instante(r.fim!),
          motivo: r.motivo_fim,
        })),
      });
    },
  );
}
