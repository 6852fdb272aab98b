/**
 * Municipal holidays as maintained data (/v1/calendario/feriados-municipais):
 * administrators record, correct (validity, act) and remove them, one by one
 * or from a CSV file; anyone authenticated reads them. Each change is audited
 * in its transaction and then re-times the running prazos of the processes
 * counted in that município (their units' seat), as a decreed day does
 * (calendarioAlteradoSignal; the timeline says what changed).
 */
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import {
  alterarFeriadoMunicipal,
  incluirFeriadoMunicipal,
  listarFeriadosMunicipais,
  type LinhaFeriadoMunicipal,
  obterFeriadoMunicipal,
  processosNoMunicipio,
  removerFeriadoMunicipal,
  sedesSemFeriadosMunicipais,
} from '../../db/feriados-municipais';
import { PAPEIS } from '../auth/ator';
import { conflito, erroSchema, invalido, naoEncontrado } from '../errors';
import { instante, instanteOuNulo } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { avisarProcessos, type ResultadoNotificacao } from './decretados';
import {
  alteracaoFeriadoMunicipalSchema,
  feriadoMunicipalSchema,
  feriadosDoCsv,
  notificacaoSchema,
  novoFeriadoMunicipalSchema,
} from './feriados-municipais-schemas';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };
const ADMIN = ['administrador'] as const;
const SERVIDORES = ['inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] as const;
const idParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'id deve ser um número') });

/** 'MM-DD' → 'DD/MM', as a servidor reads it. */
const diaBR = (d: string | null) => (d ? `${d.slice(3, 5)}/${d.slice(0, 2)}` : null);
const quando = (l: LinhaFeriadoMunicipal) => (l.dia ? diaBR(l.dia)! : `Páscoa ${l.pascoa! >= 0 ? '+' : ''}${l.pascoa} dias`);

export function feriadoView(l: LinhaFeriadoMunicipal) {
  return {
    id: String(l.id),
    municipio: l.municipio,
    municipioNome: l.municipio_nome,
    uf: l.uf,
    dia: diaBR(l.dia),
    pascoa: l.pascoa,
    nome: l.nome,
    atoLegal: l.ato_legal,
    desde: l.desde,
    ate: l.ate,
    fonte: l.fonte,
    criadoPor: l.criado_por,
    criadoEm: instante(l.criado_em),
    atualizadoPor: l.atualizado_por,
    atualizadoEm: instante(l.atualizado_em),
    removidoPor: l.removido_por,
    removidoEm: instanteOuNulo(l.removido_em),
  };
}

const rotulo = (l: LinhaFeriadoMunicipal) => `${quando(l)} — ${l.nome} (${l.ato_legal}), ${l.municipio_nome}/${l.uf}`;

async function avisar(db: Db, temporal: Client, app: FastifyInstance, municipio: string, descricao: string, data: string): Promise<ResultadoNotificacao> {
  const alvos = await processosNoMunicipio(db, municipio);
  return avisarProcessos(temporal, app.log, alvos, { data, operacao: 'incluido', motivo: descricao, descricao });
}

export function rotasFeriadosMunicipais(app: FastifyInstance, { db, temporal }: { db: Db; temporal: Client }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/feriados-municipais',
    {
      config: { papeis: [...PAPEIS], auditoria: { dadosPessoais: false } }, // holidays: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Feriados municipais cadastrados',
        description: 'Com municipio, só os desse município. Os removidos só com incluirRemovidos=true.',
        querystring: z.object({
          municipio: z.string().regex(/^\d{7}$/, 'municipio: código IBGE de 7 dígitos').optional(),
          incluirRemovidos: z.stringbool({ error: 'incluirRemovidos deve ser true ou false' }).optional(),
        }),
        response: { 200: z.object({ itens: z.array(feriadoMunicipalSchema) }), ...erros },
      },
    },
    async (request) => ({ itens: (await listarFeriadosMunicipais(db, request.query)).map(feriadoView) }),
  );

  r.get(
    '/feriados-municipais/sedes-sem-tabela',
    {
      config: { papeis: [...SERVIDORES], auditoria: { dadosPessoais: false } }, // units' seats: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Unidades cuja sede não tem feriados municipais cadastrados (ou sem sede cadastrada)',
        description: 'Os prazos dessas unidades não contam feriados municipais, e cada cálculo avisa disso: cadastre-os.',
        response: {
          200: z.object({
            itens: z.array(
              z.object({ unidade: z.string(), nome: z.string(), sigla: z.string(), uf: z.string(), sede: z.object({ municipio: z.string(), nome: z.string() }).nullable(), pendencia: z.string() }),
            ),
          }),
          ...erros,
        },
      },
    },
    async () => ({
      itens: (await sedesSemFeriadosMunicipais(db)).map((u) => ({
        unidade: u.chave,
        nome: u.nome,
        sigla: u.sigla,
        uf: u.uf,
        sede: u.sede_municipio ? { municipio: u.sede_municipio, nome: u.sede_municipio_nome! } : null,
        pendencia: u.sede_municipio
          ? `nenhum feriado municipal cadastrado para ${u.sede_municipio_nome}/${u.uf} (${u.sede_municipio})`
          : 'sede da unidade não cadastrada (PATCH /v1/unidades/{chave})',
      })),
    }),
  );

  r.post(
    '/feriados-municipais',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'calendario.incluir-feriado-municipal', recurso: 'feriado-municipal' } },
      schema: {
        tags: ['calendario'],
        summary: 'Cadastra um feriado municipal e recalcula os prazos em curso contados nesse município',
        description:
          'Idempotente: o mesmo município, dia e início de vigência devolve o já cadastrado (200). Depois, cada processo com prazo aberto ' +
          'contado no município (sede da sua unidade) é avisado e recalcula; a resposta diz quantos.',
        body: novoFeriadoMunicipalSchema,
        response: { 200: z.object({ feriado: feriadoMunicipalSchema, criado: z.boolean(), ...notificacaoSchema }), 201: z.object({ feriado: feriadoMunicipalSchema, criado: z.boolean(), ...notificacaoSchema }), ...erros },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const { linha, criado } = await db.transaction().execute(async (trx) => {
        const x = await incluirFeriadoMunicipal(trx, request.body, ator.id);
        await request.auditar(
          {
            resumo: x.criado ? `Feriado municipal incluído: ${rotulo(x.linha)}` : `Inclusão repetida: devolvido o feriado municipal ${x.linha.id} (${rotulo(x.linha)})`,
            recursoId: String(x.linha.id),
            dados: x.criado ? { criado: true, feriado: feriadoView(x.linha) } : { criado: false },
          },
          trx,
        );
        return x;
      });
      const notificacao = await avisar(db, temporal, app, linha.municipio, `feriado municipal incluído: ${rotulo(linha)}`, linha.desde ?? '');
      return reply
        .code(criado ? 201 : 200)
        .header('location', `/v1/calendario/feriados-municipais/${linha.id}`)
        .send({ feriado: feriadoView(linha), criado, ...notificacao });
    },
  );

  r.post(
    '/feriados-municipais/importacao',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'calendario.importar-feriados-municipais', recurso: 'feriado-municipal' } },
      schema: {
        tags: ['calendario'],
        summary: 'Importa feriados municipais de um CSV (tudo ou nada) e recalcula os prazos em curso dos municípios afetados',
        description:
          'csv: o texto do arquivo, com cabeçalho municipio;municipio_nome;dia;pascoa;nome;ato_legal;desde;ate;fonte (separado por ; ou ,; ' +
          'dia em DD/MM, ou pascoa em dias a partir da Páscoa; desde e ate em AAAA-MM-DD). Uma linha inválida recusa o arquivo inteiro, ' +
          'com o erro de cada linha; linhas já cadastradas são devolvidas como estão (idempotente).',
        body: z.object({ csv: z.string({ error: 'csv é obrigatório' }).min(1, 'csv é obrigatório').max(1_000_000, 'csv deve ter no máximo 1 MB') }),
        response: {
          200: z.object({ incluidos: z.number(), jaCadastrados: z.number(), feriados: z.array(feriadoMunicipalSchema), ...notificacaoSchema }),
          ...erros,
        },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const { feriados, erros: problemas } = feriadosDoCsv(request.body.csv);
      if (problemas.length) throw invalido(problemas, 'O arquivo CSV tem erros; nada foi importado.');
      if (!feriados.length) throw invalido([{ campo: 'csv', mensagem: 'o arquivo não tem nenhum feriado além do cabeçalho' }]);
      const linhas = await db.transaction().execute(async (trx) => {
        const out: { linha: LinhaFeriadoMunicipal; criado: boolean }[] = [];
        for (const f of feriados) out.push(await incluirFeriadoMunicipal(trx, f, ator.id));
        await request.auditar(
          {
            resumo: `Importação de feriados municipais: ${out.filter((x) => x.criado).length} incluídos, ${out.filter((x) => !x.criado).length} já cadastrados`,
            dados: { incluidos: out.filter((x) => x.criado).map((x) => feriadoView(x.linha)) },
          },
          trx,
        );
        return out;
      });
      const total: ResultadoNotificacao = { processosNotificados: 0, processos: [], naoNotificados: [] };
      const porMunicipio = new Map<string, LinhaFeriadoMunicipal[]>();
      for (const { linha, criado } of linhas) if (criado) porMunicipio.set(linha.municipio, [...(porMunicipio.get(linha.municipio) ?? []), linha]);
      for (const [municipio, ls] of porMunicipio) {
        const n = await avisar(db, temporal, app, municipio, `feriados municipais importados: ${ls.map(rotulo).join('; ')}`, '');
        total.processos.push(...n.processos);
        total.naoNotificados.push(...n.naoNotificados);
      }
      total.processos = [...new Set(total.processos)].sort();
      total.processosNotificados = total.processos.length;
      return {
        incluidos: linhas.filter((x) => x.criado).length,
        jaCadastrados: linhas.filter((x) => !x.criado).length,
        feriados: linhas.map((x) => feriadoView(x.linha)),
        ...total,
      };
    },
  );

  r.patch(
    '/feriados-municipais/:id',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'calendario.alterar-feriado-municipal', recurso: 'feriado-municipal' } },
      schema: {
        tags: ['calendario'],
        summary: 'Corrige um feriado municipal (nome, ato, vigência) e recalcula os prazos em curso do município',
        description: 'Por exemplo, ate = último dia em que valeu, quando a lei que o instituiu foi revogada. O dia não muda: remova e cadastre outro.',
        params: idParams,
        body: alteracaoFeriadoMunicipalSchema,
        response: { 200: z.object({ feriado: feriadoMunicipalSchema, ...notificacaoSchema }), ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const b = request.body;
      const r2 = await db
        .transaction()
        .execute(async (trx) => {
          const x = await alterarFeriadoMunicipal(trx, request.params.id, b, ator.id);
          if (!x) throw naoEncontrado('Feriado municipal');
          const campos = (['nome', 'ato_legal', 'desde', 'ate', 'fonte'] as const).filter((k) => x.antes[k] !== x.depois[k]);
          await request.auditar(
            {
              resumo: `Feriado municipal ${x.depois.id} alterado (${campos.join(', ') || 'nada mudou'}): ${rotulo(x.depois)}`,
              dados: { antes: Object.fromEntries(campos.map((k) => [k, x.antes[k]])), depois: Object.fromEntries(campos.map((k) => [k, x.depois[k]])) },
            },
            trx,
          );
          return x.depois;
        })
        .catch((err: unknown) => {
          // The same município, day and start as another holiday in force (index feriado_municipal_vigente_unique).
          if (typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505') {
            throw conflito('feriado-municipal-existente', 'Já há um feriado em vigor neste município, neste dia e com este início de vigência.');
          }
          // desde after ate (check feriado_municipal_vigencia), given one of them here and the other already stored.
          if (typeof err === 'object' && err !== null && (err as { code?: string }).code === '23514') {
            throw invalido([{ campo: 'ate', mensagem: 'ate deve ser igual ou posterior a desde' }]);
          }
          throw err;
        });
      const vigencia = `${r2.desde ? `de ${r2.desde} ` : ''}${r2.ate ? `até ${r2.ate}` : 'em vigor'}`;
      const notificacao = await avisar(db, temporal, app, r2.municipio, `feriado municipal alterado: ${rotulo(r2)}, ${vigencia}`, r2.ate ?? '');
      return { feriado: feriadoView(r2), ...notificacao };
    },
  );

  r.delete(
    '/feriados-municipais/:id',
    {
      config: { papeis: ADMIN, auditoria: { acao: 'calendario.remover-feriado-municipal', recurso: 'feriado-municipal' } },
      schema: {
        tags: ['calendario'],
        summary: 'Remove um feriado municipal (cadastrado por engano) e recalcula os prazos em curso do município',
        description: 'Remoção lógica: fica no histórico com quem o removeu e quando. Para um feriado que deixou de existir, prefira PATCH com ate.',
        params: idParams,
        response: { 200: z.object({ feriado: feriadoMunicipalSchema, removido: z.boolean(), ...notificacaoSchema }), ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const x = await db.transaction().execute(async (trx) => {
        const y = await removerFeriadoMunicipal(trx, request.params.id, ator.id);
        if (!y) throw naoEncontrado('Feriado municipal');
        await request.auditar(
          {
            resumo: y.removido ? `Feriado municipal removido: ${rotulo(y.linha)}` : `Remoção repetida: o feriado municipal ${y.linha.id} já estava removido`,
            dados: y.removido ? { removido: true, feriado: feriadoView(y.linha) } : { removido: false },
          },
          trx,
        );
        return y;
      });
      const notificacao = await avisar(db, temporal, app, x.linha.municipio, `feriado municipal removido: ${rotulo(x.linha)}`, '');
      return { feriado: feriadoView(x.linha), removido: x.removido, ...notificacao };
    },
  );
}

