/**
 * One route per action of the vistoria rite, generated from the rite's data
 * (rules/vistoria): each with its body schema, its role and its description in
 * the OpenAPI document. Every action becomes a Temporal update whose validator
 * answers at once, in pt-BR, why the rite refuses it.
 */
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACOES_VISTORIA, type AcaoVistoria, acoesDisponiveis, type AtorVistoria, FASES_VISTORIA } from '../../rules/vistoria';
import { DADOS_ACAO_VISTORIA, tomarCienciaSchema } from '../../rules/vistoria/acoes';
import { TIPOS_PROCESSO, type TipoProcesso } from '../../rules/processos/tipos';
import { acaoVistoriaUpdate, estadoVistoriaQuery, type PedidoAcao } from '../../workflows/vistoria/definitions';
import type { Papel } from '../auth/ator';
import { podeVer } from '../auth/escopo';
import type { ApiDeps } from '../deps';
import { erroSchema, HttpError, invalido, naoEncontrado } from '../errors';
import { requireAtor } from '../plugins/autenticacao';

const PAPEL: Record<Exclude<AtorVistoria, 'sistema'>, Papel> = {
  'representante-legal': 'representante',
  cooie: 'inspetor',
  comissao: 'comissao',
  coogie: 'coogie',
};

const idempotencia = z.object({
  'idempotency-key': z
    .string({ error: 'envie o cabeçalho Idempotency-Key (um identificador único por ação, repetido ao reenviar a mesma ação)' })
    .min(8, 'Idempotency-Key deve ter ao menos 8 caracteres')
    .max(200)
    .regex(/^[\w.:-]+$/, 'Idempotency-Key aceita letras, algarismos, ".", ":", "_" e "-"'),
});

const documentoSchema = z.object({ id: z.string(), tipo: z.string(), identificacao: z.string() });
const resultadoSchema = z
  .object({
    acao: z.string(),
    fase: z.string(),
    faseRotulo: z.string(),
    mensagem: z.string(),
    documentos: z.array(documentoSchema),
    prazo: z.object({ limite: z.string(), vencimento: z.string() }).nullable(),
  })
  .meta({ id: 'ResultadoAcaoVistoria' });

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };

/** The actions a person may take (expiry is the workflow's own). */
const ACOES_DE_USUARIO = (Object.keys(ACOES_VISTORIA) as AcaoVistoria[]).filter((a) => ACOES_VISTORIA[a].ator !== 'sistema');

const vistoriaRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const carregar = async (id: string, ator: ReturnType<typeof requireAtor>) => {
    const processo = await deps.db.selectFrom('processo').selectAll().where('id', '=', id).executeTakeFirst();
    if (!processo || !podeVer(ator, processo)) throw naoEncontrado('Processo');
    if (TIPOS_PROCESSO[processo.tipo as TipoProcesso]?.rito !== 'vistoria') {
      throw new HttpError(409, 'rito-incompativel', 'Este processo não segue o rito de vistoria.');
    }
    return processo;
  };

  /** Only servidores with an account and the comissao role can be designated: they must be able to act. */
  const conferirComissao = async (membros: { usuarioId: string }[]) => {
    const ids = membros.map((m) => m.usuarioId);
    const contas = await deps.db.selectFrom('usuario').select(['id', 'papeis', 'ativo']).where('id', 'in', ids).execute();
    const campos = membros.flatMap((m, i) => {
      const conta = contas.find((c) => c.id === m.usuarioId);
      if (!conta || !conta.ativo) return [{ campo: `comissao.${i}.usuarioId`, mensagem: 'conta inexistente ou inativa' }];
      if (!conta.papeis.includes('comissao')) return [{ campo: `comissao.${i}.usuarioId`, mensagem: 'a conta não tem o perfil de membro de comissão' }];
      return [];
    });
    if (campos.length) throw invalido(campos, 'Comissão de Vistoria inválida.');
  };

  /** One SEI number, one process (the read model enforces it too). */
  const conferirNumeroSei = async (processoId: string, numeroSei: string) => {
    const outro = await deps.db.selectFrom('processo').select('id').where('numero_sei', '=', numeroSei).where('id', '!=', processoId).executeTakeFirst();
    if (outro) throw new HttpError(409, 'numero-sei-em-uso', `O número ${numeroSei} já identifica outro processo.`);
  };

  /** Files cited by an action must have been uploaded to this process (POST /v1/arquivos). */
  const conferirArquivos = async (processoId: string, ids: string[]) => {
    if (!ids.length) return;
    const validos = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const encontrados = validos.length
      ? await deps.db.selectFrom('arquivo').select('id').where('id', 'in', validos).where('processo_id', '=', processoId).execute()
      : [];
    const campos = ids.flatMap((id, i) =>
      encontrados.some((a) => a.id === id) ? [] : [{ campo: `arquivos.${i}`, mensagem: 'arquivo não encontrado neste processo (envie-o antes por POST /v1/arquivos)' }],
    );
    if (campos.length) throw invalido(campos, 'Arquivos inválidos.');
  };

  const agir = async (id: string, pedido: PedidoAcao) => {
    try {
      const r = await deps.temporal.workflow.getHandle(id).executeUpdate(acaoVistoriaUpdate, { args: [pedido], updateId: pedido.chave });
      return { ...r, faseRotulo: FASES_VISTORIA[r.fase].rotulo };
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        // The reason is at the bottom of the chain (e.g. an activity's failure inside the update).
        let causa: Error | undefined = err.cause;
        while (causa && (causa as { cause?: Error }).cause) causa = (causa as { cause?: Error }).cause;
        throw new HttpError(409, 'acao-recusada', causa?.message ?? err.message);
      }
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
        throw new HttpError(503, 'indisponivel', 'O processo não respondeu a tempo; reenvie a ação com a mesma Idempotency-Key.');
      }
      if (err instanceof Error && /workflow.*(not found|completed|already)/i.test(err.message)) {
        throw new HttpError(409, 'processo-encerrado', 'O processo está encerrado; nenhuma ação é admitida.');
      }
      throw err;
    }
  };

  const registrar = (acao: AcaoVistoria | 'tomar-ciencia', papel: Papel, body: z.ZodType, summary: string, description: string) => {
    app.post(
      `/v1/processos/:id/vistoria/${acao}`,
      {
        config: { papeis: [papel], auditoria: { acao: `vistoria.${acao}`, recurso: 'processo' } },
        schema: {
          tags: ['vistoria'],
          summary,
          description,
          params: z.object({ id: z.string().min(1).max(200) }),
          headers: idempotencia,
          body,
          response: { 200: resultadoSchema, ...erros, 503: erroSchema },
        },
      },
      async (request) => {
        const ator = requireAtor(request);
        await carregar(request.params.id, ator);
        if (acao === 'autuar') await conferirNumeroSei(request.params.id, (request.body as { numeroSei: string }).numeroSei);
        const arquivos = (request.body as { arquivos?: string[] } | undefined)?.arquivos;
        if (arquivos) await conferirArquivos(request.params.id, arquivos);
        if (acao === 'publicar-ordem-servico' || acao === 'designar-comissao-verificacao') {
          await conferirComissao((request.body as { comissao: { usuarioId: string }[] }).comissao);
        }
        const chave = `${ator.id}:${request.headers['idempotency-key']}`;
        const resultado = await agir(request.params.id, {
          acao,
          dados: request.body ?? {},
          ator: { id: ator.id, nome: ator.nome, papeis: ator.papeis },
          em: new Date(await (deps.relogio ?? Date.now)()).toISOString(),
          chave,
        });
        await request.auditar({
          resumo: `${summary} — fase: ${resultado.faseRotulo}${resultado.documentos.length ? ` — documentos: ${resultado.documentos.map((d) => d.identificacao).join('; ')}` : ''}`,
          processoId: request.params.id,
          recursoId: request.params.id,
          dados: { acao, chave, dados: request.body ?? {}, fase: resultado.fase, documentos: resultado.documentos.map((d) => d.id) },
        });
        return resultado;
      },
    );
  };

  for (const acao of ACOES_DE_USUARIO) {
    const desc = ACOES_VISTORIA[acao];
    const fases = Object.values(FASES_VISTORIA)
      .filter((f) => acoesDisponiveis(f.fase).includes(acao))
      .map((f) => `"${f.rotulo}"`);
    registrar(
      acao,
      PAPEL[desc.ator as Exclude<AtorVistoria, 'sistema'>],
      DADOS_ACAO_VISTORIA[acao],
      desc.rotulo,
      `Cabe a: ${desc.ator}. Admitida nas fases: ${fases.join('; ')}. Repetir com a mesma Idempotency-Key não repete a ação.`,
    );
  }
  registrar(
    'tomar-ciencia',
    'representante',
    tomarCienciaSchema,
    'Tomar ciência da notificação pendente',
    'A ciência explícita inicia a contagem do prazo; sem ela, a ciência é tácita 10 dias após o envio.',
  );

  app.get(
    '/v1/processos/:id/vistoria',
    {
      config: { papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] },
      schema: {
        tags: ['vistoria'],
        summary: 'Estado do rito de vistoria: fase, exigências, Comissão, visita, notificação, prazo, documentos e tarefa',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: z.record(z.string(), z.unknown()), ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      await carregar(request.params.id, ator);
      const { respostas: _respostas, ...estado } = await deps.temporal.workflow.getHandle(request.params.id).query(estadoVistoriaQuery);
      return { ...estado, faseRotulo: FASES_VISTORIA[estado.fase].rotulo };
    },
  );
};

export default vistoriaRoutes;
