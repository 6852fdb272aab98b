/**
 * One route per action of every registered rite, generated from its definition
 * (rules/ritos): `POST /v1/processos/{id}/{rito}/{acao}` with the action's body
 * schema, the role of its actor and its OpenAPI entry, plus
 * `POST …/{rito}/tomar-ciencia` and `GET /v1/processos/{id}/{rito}` (the rite's
 * state). The checks an action declares run before it reaches the workflow;
 * the workflow's validator then answers at once, in pt-BR, why the rite
 * refuses what it refuses (409).
 */
import { executarAtualizacao } from '../temporal/atualizacao';
import { idempotencia } from '../schemas';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { ACAO_TOMAR_CIENCIA, acoesDeUsuario, acoesDisponiveis, type DefinicaoRito, papelDoAtor as papelNaDefinicao, parteDoRito, rotuloAtor } from '../../rules/ritos/definicao';
import { ritoDoTipo, ritosRegistrados } from '../../rules/ritos/registro';
import { acaoUpdate, type PedidoAcao } from '../../workflows/ritos/definitions';
import { estadoDoRito } from './estado';
import { idDaAtualizacao } from '../../workflows/ritos/interpretador';
import type { Papel } from '../auth/ator';
import type { ApiDeps } from '../deps';
import { erroSchema, HttpError } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import { processoDaRota } from '../plugins/escopo-processo';
import type { Processo } from '../../db/schema';
import { instantesEmBrasilia } from '../instantes';
import { dadosParaAtor } from './parte';
import { conferirArquivos, VERIFICACOES } from './verificacoes';


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
  .meta({ id: 'ResultadoAcao' });

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema, 422: erroSchema };
const ciencia = z.object({}).strict();

/** The URL of an action of a process: one scheme for every rite. */
export function urlAcao(processoId: string, rito: string, acao: string): string {
  return `/v1/processos/${encodeURIComponent(processoId)}/${rito}/${acao}`;
}

/** The account role that plays an actor of a rite, as the API's roles (null: only the rite itself acts). */
export function papelDoAtor(def: DefinicaoRito, ator: string): Papel | null {
  return papelNaDefinicao(def, ator) as Papel | null;
}

/** Sends an action to the process's workflow; the workflow's refusals become the API's 409/422/503. */
async function agir(temporal: ApiDeps['temporal'], def: DefinicaoRito, id: string, pedido: PedidoAcao) {
  const r = await executarAtualizacao({ nome: 'O processo', codigoEncerrado: 'processo-encerrado' }, () =>
    temporal.workflow.getHandle(id).executeUpdate(acaoUpdate(def), { args: [pedido], updateId: idDaAtualizacao(pedido) }),
  );
  return { ...r, faseRotulo: def.fases[r.fase]?.rotulo ?? r.fase };
}

export interface PedidoDePratica {
  def: DefinicaoRito;
  /** The process, already read in the caller's scope. */
  processo: Processo;
  acao: string;
  /** How the action is named in the audit trail's summary. */
  rotulo: string;
  /** The action's data, already validated by its schema. */
  dados: Record<string, unknown>;
  /** The caller's idempotency key (Idempotency-Key, or the key of a page's form). */
  chaveCliente: string;
}

/**
 * One act of a rite by the request's actor: the action's database checks, the
 * files it cites, the workflow's update and the audit entry. The one code path
 * of the action routes and of the pages' forms (paginas/), so both judge alike.
 * The instant of receipt (`em`) is recorded in the audit entry too: it decides
 * timeliness (seed 002 art. 18) and the pages' recibo shows it.
 */
export async function praticarAcao(deps: ApiDeps, request: FastifyRequest, p: PedidoDePratica) {
  const ator = requireAtor(request);
  const { def, acao, dados } = p;
  const processoId = p.processo.id;
  for (const v of def.acoes[acao]?.verificacoes ?? []) await VERIFICACOES[v](deps.db, processoId, dados);
  if (Array.isArray(dados.arquivos)) await conferirArquivos(deps.db, processoId, dados.arquivos as string[]);
  const chave = `${ator.id}:${p.chaveCliente}`;
  const em = formatarInstanteBrasilia(await (deps.relogio ?? Date.now)());
  const resultado = await agir(deps.temporal, def, processoId, { acao, dados, ator: { id: ator.id, nome: ator.nome, papeis: ator.papeis }, em, chave });
  await request.auditar({
    acao: `${def.codigo}.${acao}`,
    recurso: 'processo',
    resumo: `${p.rotulo} — fase: ${resultado.faseRotulo}${resultado.documentos.length ? ` — documentos: ${resultado.documentos.map((d) => d.identificacao).join('; ')}` : ''}`,
    processoId,
    recursoId: processoId,
    dados: { acao, chave, dados, em, fase: resultado.fase, documentos: resultado.documentos.map((d) => d.id) },
    // A key names one act (another act under it is refused with 422): its later uses are replays.
    chaveIdempotencia: chave,
  });
  return resultado;
}

const ritosRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  /** The process of the request (read once, in scope: plugins/escopo-processo.ts), if it follows this rite. */
  const carregar = (request: FastifyRequest, def: DefinicaoRito) => {
    const processo = processoDaRota(request);
    if (ritoDoTipo(processo.tipo)?.codigo !== def.codigo) {
      throw new HttpError(409, 'rito-incompativel', `Este processo não segue o rito de ${def.codigo}.`);
    }
    return processo;
  };

  const registrar = (def: DefinicaoRito, acao: string, papel: Papel, body: z.ZodType, summary: string, description: string) => {
    app.post(
      `/:id/${def.codigo}/${acao}`,
      {
        config: { papeis: [papel], auditoria: { acao: `${def.codigo}.${acao}`, recurso: 'processo' } },
        schema: {
          tags: [def.codigo],
          summary,
          description,
          params: z.object({ id: z.string().min(1).max(200) }),
          headers: idempotencia,
          body,
          response: { 200: resultadoSchema, ...erros, 503: erroSchema },
        },
      },
      async (request) => {
        const processo = carregar(request, def);
        return praticarAcao(deps, request, { def, processo, acao, rotulo: summary, dados: (request.body ?? {}) as Record<string, unknown>, chaveCliente: request.headers['idempotency-key'] });
      },
    );
  };

  for (const def of ritosRegistrados()) {
    for (const acao of acoesDeUsuario(def)) {
      const desc = def.acoes[acao]!;
      const fases = Object.entries(def.fases)
        .filter(([f]) => acoesDisponiveis(def, f).includes(acao))
        .map(([, f]) => `"${f.rotulo}"`);
      registrar(
        def,
        acao,
        papelDoAtor(def, desc.ator)!,
        desc.schema,
        desc.rotulo,
        `Cabe a: ${rotuloAtor(def, desc.ator)}. Admitida nas fases: ${fases.join('; ')}. Repetir com a mesma Idempotency-Key não repete a ação.`,
      );
    }
    const parte = papelDoAtor(def, parteDoRito(def));
    if (parte) {
      registrar(
        def,
        ACAO_TOMAR_CIENCIA,
        parte,
        ciencia,
        'Tomar ciência da notificação pendente',
        'A ciência explícita inicia a contagem do prazo; sem ela, a ciência é tácita 10 dias após o envio.',
      );
    }

    app.get(
      `/:id/${def.codigo}`,
      {
        config: {
          papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'],
          // the rite's data: the Comissão's members, the requerente, the documents' recipients
          auditoria: { acao: `${def.codigo}.estado.ler`, recurso: 'processo', dadosPessoais: true },
        },
        schema: {
          tags: [def.codigo],
          summary: `Estado do rito (${def.rotulo}): fase, prazo, notificação, tarefa, documentos e os dados do rito`,
          description: def.projetarParaParte
            ? 'A parte (quem só tem o papel do representante) vê os dados sem as contas e matrículas dos servidores. Instantes no horário de Brasília, com o deslocamento.'
            : 'Instantes no horário de Brasília, com o deslocamento.',
          params: z.object({ id: z.string().min(1).max(200) }),
          response: { 200: z.record(z.string(), z.unknown()), ...erros, 503: erroSchema },
        },
      },
      async (request) => {
        const estado = await estadoDoRito(deps.temporal, carregar(request, def), def);
        if (!estado) throw new HttpError(503, 'indisponivel', 'O processo não respondeu a tempo; tente de novo em instantes.');
        // Every instant in Brasília time (runs before the API sent them so carry some in UTC); the party sees no internal account.
        const visto = dadosParaAtor(def, requireAtor(request), instantesEmBrasilia(estado as unknown as Record<string, unknown>));
        return { ...visto, faseRotulo: def.fases[estado.fase]?.rotulo ?? estado.fase };
      },
    );
  }
};

export default ritosRoutes;
