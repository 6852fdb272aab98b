/**
 * Issue 17, defect 6: an idempotent replay is recorded as a replay
 * (`<acao>.repeticao`, referring to the original's entry), never as the action
 * performed once more. POST /v1/processos knows when it repeated an abertura;
 * routes that cannot tell (a Temporal update with the same updateId answers
 * the same) pass their idempotency key and the trail decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { requireAtor } from '../../api/plugins/autenticacao';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const abertura = {
  tipo: 'apostilamento-endereco',
  instituicao: {
    cnpj: '11.222.333/0001-81',
    codigoInep: '33099001',
    nome: 'Colégio Repetido',
    endereco: { logradouro: 'Rua B, 2', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
  },
  unidade: 'METROPOLITANA I',
  requerente: { nome: 'Maria Requerente', cpf: '529.982.247-25', email: 'maria@example.org' },
};

let sys: TestSystem;
let rep: Conta, supervisor: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  [rep, supervisor] = await Promise.all([
    sys.conta({ papeis: ['representante'], instituicoes: ['11222333000181'] }),
    sys.conta({ papeis: ['supervisor'] }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

describe('idempotent replays in the audit trail', () => {
  it('POST /v1/processos sent 20 times: one processo.abrir, 19 processo.abrir.repeticao pointing at it', async () => {
    const primeira = await sys.request('POST', '/v1/processos', { as: rep, body: abertura });
    expect(primeira.status).toBe(201);
    const repetidas = await Promise.all(Array.from({ length: 19 }, () => sys.request('POST', '/v1/processos', { as: rep, body: abertura })));
    expect(repetidas.map((r) => r.status)).toEqual(Array(19).fill(200));
    expect(new Set(repetidas.map((r) => r.body.id))).toEqual(new Set([primeira.body.id]));

    const entradas = await sys.db.selectFrom('auditoria').selectAll().where('processo_id', '=', primeira.body.id).orderBy('seq').execute();
    const aberturas = entradas.filter((e) => e.acao === 'processo.abrir');
    const repeticoes = entradas.filter((e) => e.acao === 'processo.abrir.repeticao');
    expect(aberturas).toHaveLength(1);
    expect(aberturas[0].dados).toMatchObject({ criado: true });
    expect(repeticoes).toHaveLength(19);
    for (const r of repeticoes) {
      expect(r.dados).toEqual({ criado: false, repeticaoDe: Number(aberturas[0].seq) });
      expect(r.resumo).toMatch(/^Abertura repetida: .* \[original: entrada \d+\]$/);
      expect(r.resumo).toContain(`entrada ${aberturas[0].seq}`);
      expect(r.ator_id).toBe(rep.id);
    }
    // Supervisors can find the replays, or leave them out, by acao.
    const so = await sys.request('GET', `/v1/auditoria?processo=${primeira.body.id}&acao=processo.abrir`, { as: supervisor });
    expect(so.body.itens).toHaveLength(1);
  });

  it('records a route\'s idempotency key: the first entry with a key is the action, later ones are replays of it', async () => {
    const app = await buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    app.post('/v1/teste-idempotente/:id/agir', { config: { papeis: ['supervisor'], auditoria: { acao: 'teste.agir', recurso: 'processo' } } }, async (request) => {
      const ator = requireAtor(request);
      const { id } = request.params as { id: string };
      await request.auditar({
        resumo: `Ação feita no processo ${id}`,
        processoId: id,
        dados: { documentos: ['doc-1'] },
        chaveIdempotencia: `${ator.id}:${request.headers['idempotency-key']}`,
      });
      return request.entradaAuditoria;
    });
    await app.ready();
    const agir = (processo: string, chave: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/teste-idempotente/${processo}/agir`,
        headers: { cookie: `rito_sessao=${supervisor.cookie}`, 'x-csrf-token': supervisor.csrf!, 'idempotency-key': chave },
      });
    try {
      const respostas = await Promise.all(Array.from({ length: 20 }, () => agir('proc-a', 'chave-0001')));
      const registradas = respostas.map((r) => r.json());
      const originais = registradas.filter((r) => !r.repeticao);
      expect(originais).toHaveLength(1);
      expect(originais[0].acao).toBe('teste.agir');
      for (const r of registradas.filter((x) => x.repeticao)) expect(r).toMatchObject({ acao: 'teste.agir.repeticao', repeticaoDe: originais[0].seq });

      // Another key, or the same key on another process, is another action.
      expect((await agir('proc-a', 'chave-0002')).json()).toMatchObject({ acao: 'teste.agir', repeticao: false });
      expect((await agir('proc-b', 'chave-0001')).json()).toMatchObject({ acao: 'teste.agir', repeticao: false });
    } finally {
      await app.close();
    }

    const doA = await sys.db.selectFrom('auditoria').selectAll().where('processo_id', '=', 'proc-a').orderBy('seq').execute();
    expect(doA.map((e) => e.acao)).toEqual(['teste.agir', ...Array(19).fill('teste.agir.repeticao'), 'teste.agir']);
    expect(doA[0].dados).toEqual({ documentos: ['doc-1'], chaveIdempotencia: `${supervisor.id}:chave-0001` });
    expect(doA[1].dados).toEqual({ repeticaoDe: Number(doA[0].seq), chaveIdempotencia: `${supervisor.id}:chave-0001` });
    expect(doA[1].resumo).toBe(`Repetição (mesma chave de idempotência; nada foi refeito) de: Ação feita no processo proc-a [original: entrada ${doA[0].seq}]`);
    expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true });
  });
});
