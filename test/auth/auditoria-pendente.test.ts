/**
 * The audit trail without a global lock on the request path (issue 16): a
 * request's transaction only writes its entry to the outbox
 * (`auditoria_pendente`), and one chainer at a time — any API instance's —
 * moves pending entries into the chain (api/auditoria/encadeador.ts,
 * db/migrations/2026_11_30_auditoria_pendente.ts). What the trail's readers
 * rely on: every entry of every instance ends in one valid chain, an entry
 * whose writer died before chaining it is chained by the next chainer, and a
 * pending entry can be neither altered nor removed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { registrarAuditoria } from '../../api/auditoria/registro';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { connectDb, type Db } from '../../db/connect';
import { eventually } from '../support/eventualmente';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { codigoDoErro } from '../support/codigo-do-erro';

let sys: TestSystem;
let admin: Conta;
let supervisor: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  [admin, supervisor] = await Promise.all([sys.conta({ papeis: ['administrador'] }), sys.conta({ papeis: ['supervisor'] })]);
});
afterAll(async () => {
  await sys?.stop();
});

/** Another API instance: its own pool (and so its own writer and chainer) on the same database. */
async function instancia() {
  const db = connectDb(sys.databaseUrl, { max: 4 });
  const app = await buildApp({ db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(db) });
  await app.ready();
  return {
    db,
    app,
    async fechar() {
      await app.close();
      await db.destroy();
    },
  };
}

const pendentes = async (db: Db) => Number((await db.selectFrom('auditoria_pendente').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);


describe('trilha de auditoria sem trava global no caminho da requisição', () => {
  it('duas instâncias da API escrevendo ao mesmo tempo: uma só cadeia, íntegra, com a entrada de cada requisição', async () => {
    const [a, b] = await Promise.all([instancia(), instancia()]);
    try {
      const antes = (await verificarCadeia(sys.db)).total;
      const comoAdmin = { cookie: `rito_sessao=${admin.cookie}`, 'x-csrf-token': admin.csrf!, 'content-type': 'application/json' };
      // A state change audited in its own transaction (the entry goes to the outbox with the school), and a read of
      // personal data audited on its own, alternately on each instance.
      const gravar = (api: typeof a.app, i: number) =>
        api.inject({
          method: 'PUT',
          url: `/v1/unidades-de-ensino/${33_100_000 + i}`,
          headers: comoAdmin,
          payload: { nome: `Escola Estadual ${i}`, uf: 'RJ', municipio: '3304557', dependencia: 'estadual', fonte: 'teste' },
        });
      const ler = (api: typeof a.app) => api.inject({ method: 'GET', url: '/v1/auditoria?limite=1', headers: { cookie: `rito_sessao=${supervisor.cookie}` } });
      const respostas = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const api = i % 2 ? b.app : a.app;
          return i % 4 < 2 ? gravar(api, i) : ler(api);
        }),
      );
      expect(respostas.map((r) => r.statusCode)).toEqual(Array(40).fill(200));
      const ids = respostas.map((r) => String(r.headers['x-request-id']));
      const gravacoes = ids.filter((_, i) => i % 4 < 2);
      // A write's answer left once its entry was chained; a read's once its entry was committed, in the outbox or
      // already in the chain: every request recorded before it was answered.
      const naCadeia = async () => (await sys.db.selectFrom('auditoria').select('request_id').where('request_id', 'in', ids).execute()).map((l) => l.request_id);
      const naSaida = (await sys.db.selectFrom('auditoria_pendente').select('request_id').where('request_id', 'in', ids).execute()).map((l) => l.request_id);
      const encadeadas = await naCadeia();
      expect(encadeadas).toEqual(expect.arrayContaining(gravacoes));
      expect([...new Set([...encadeadas, ...naSaida])].sort()).toEqual([...ids].sort());
      // Nobody asks for the reads' entries: the instances' chainers put them in the chain on their own.
      await eventually(async () => ((await pendentes(sys.db)) === 0 ? true : undefined), 5000);
      const linhas = await sys.db.selectFrom('auditoria').select(['request_id', 'acao', 'seq']).where('request_id', 'in', ids).execute();
      expect(linhas.map((l) => l.request_id).sort()).toEqual([...ids].sort());
      expect(new Set(linhas.map((l) => l.acao))).toEqual(new Set(['unidade-ensino.gravar', 'auditoria.ler']));
      expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true, problemas: [], total: antes + 40 });
    } finally {
      await Promise.all([a.fechar(), b.fechar()]);
    }
  });

  it('uma ação e sua entrada: ambas ou nenhuma (a transação desfeita não deixa entrada pendente)', async () => {
    const antes = await pendentes(sys.db);
    await expect(
      sys.db.transaction().execute(async (trx) => {
        await registrarAuditoria(trx, { ator: null, acao: 'teste.desfeita', resumo: 'não aconteceu' });
        throw new Error('a ação falhou');
      }),
    ).rejects.toThrow('a ação falhou');
    expect(await pendentes(sys.db)).toBe(antes);
    expect(await sys.db.selectFrom('auditoria').select('seq').where('acao', '=', 'teste.desfeita').execute()).toEqual([]);
  });

  it('a instância morre entre gravar a entrada e encadeá-la: nada se perde, a próxima que encadeia a encadeia', async () => {
    // The dying instance: its transaction commits the entry to the outbox, then its pool is gone before any chainer
    // ran. The running instances' chainers are held off meanwhile by the chain's lock — which writing an entry does
    // not need: the request path takes no lock of the chain.
    const registrada = await sys.db.transaction().execute(async (trava) => {
      await sql`select pg_advisory_xact_lock(hashtext('rito.auditoria'))`.execute(trava);
      const morta = connectDb(sys.databaseUrl, { max: 1 });
      const r = await morta.transaction().execute((trx) =>
        registrarAuditoria(trx, { ator: { id: 'u-morta', nome: 'Instância que caiu', papeis: ['inspetor'] }, acao: 'teste.orfa', resumo: 'gravada antes da queda' }),
      );
      await morta.destroy();
      expect(r).toMatchObject({ seq: null, hash: null });
      const noOutbox = await trava.selectFrom('auditoria_pendente').select(['id', 'resumo']).where('id', '=', r.id).executeTakeFirst();
      // The verifier says what waits outside the chain it checked.
      expect((await verificarCadeia(trava)).pendentes).toBeGreaterThanOrEqual(1);
      expect(noOutbox).toMatchObject({ resumo: 'gravada antes da queda' });
      expect(await trava.selectFrom('auditoria').select('seq').where('acao', '=', 'teste.orfa').execute()).toEqual([]);
      return r;
    });

    // Nobody wakes a chainer for it: the instances' chainers (their interval: this new one, the test system's) take it.
    const outra = await instancia();
    try {
      const linha = await eventually(
        () => sys.db.selectFrom('auditoria').select(['seq', 'id', 'resumo', 'ator_id']).where('acao', '=', 'teste.orfa').executeTakeFirst(),
        10_000,
      );
      expect(linha).toMatchObject({ id: registrada.id, resumo: 'gravada antes da queda', ator_id: 'u-morta' });
      expect(await sys.db.selectFrom('auditoria_pendente').select('id').where('id', '=', registrada.id).execute()).toEqual([]);
      expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true, problemas: [] });
    } finally {
      await outra.fechar();
    }
  });

  it('a trilha lida (API) mostra na hora uma entrada ainda pendente', async () => {
    const registrada = await sys.db.transaction().execute((trx) => registrarAuditoria(trx, { ator: null, acao: 'teste.pendente-lida', resumo: 'gravada por um worker' }));
    expect(registrada.seq).toBeNull();
    const r = await sys.request('GET', '/v1/auditoria?acao=teste.pendente-lida', { as: supervisor });
    expect(r.status).toBe(200);
    expect(r.body.itens).toHaveLength(1);
    expect(r.body.itens[0]).toMatchObject({ acao: 'teste.pendente-lida', resumo: 'gravada por um worker' });
  });

  it('uma entrada pendente não pode ser alterada nem apagada; só sai do outbox para a cadeia, idêntica', async () => {
    // The chainers are held off by the chain's lock while the entry is written (which does not need it) and tampered with.
    const escritor = connectDb(sys.databaseUrl, { max: 1 });
    let id = '';
    try {
      await sys.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext('rito.auditoria'))`.execute(trx);
        const registrada = await escritor.transaction().execute((t) =>
          registrarAuditoria(t, { ator: { id: 'u-alvo', nome: 'Alvo', papeis: ['inspetor'] }, acao: 'teste.protegida', resumo: 'o que de fato aconteceu' }),
        );
        id = registrada.id;
        const naTransacao = async (f: () => Promise<unknown>) => {
          await sql`savepoint tentativa`.execute(trx);
          try {
            return await codigoDoErro(f);
          } finally {
            await sql`rollback to savepoint tentativa`.execute(trx);
          }
        };
        expect(await naTransacao(() => trx.updateTable('auditoria_pendente').set({ resumo: 'nada aconteceu' }).where('id', '=', id).execute())).toBe('42501');
        expect(await naTransacao(() => trx.deleteFrom('auditoria_pendente').where('id', '=', id).execute())).toBe('42501');
        expect(await naTransacao(() => sql`truncate auditoria_pendente`.execute(trx))).toBe('42501');
        // A forged chained row carrying its id, content changed, continuing the chain (whoever may append could):
        // the pending entry still cannot be deleted — only an identical chained copy frees it.
        const cabeca = await trx.selectFrom('auditoria').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        const p = await trx.selectFrom('auditoria_pendente').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        expect(
          await naTransacao(async () => {
            await trx
              .insertInto('auditoria')
              .values({
                seq: Number(cabeca.seq) + 1,
                id,
                ocorrido_em: p.ocorrido_em,
                ator_id: p.ator_id,
                ator_nome: p.ator_nome,
                ator_papeis: p.ator_papeis,
                origem_ip: p.origem_ip,
                user_agent: p.user_agent,
                request_id: p.request_id,
                correlacao_id: p.correlacao_id,
                acao: p.acao,
                recurso: p.recurso,
                recurso_id: p.recurso_id,
                processo_id: p.processo_id,
                resumo: 'nada aconteceu',
                dados: JSON.stringify(p.dados),
                hash_anterior: cabeca.hash,
                hash: 'f'.repeat(64),
              })
              .execute();
            await trx.deleteFrom('auditoria_pendente').where('id', '=', id).execute();
          }),
        ).toBe('42501');
      });
      // The chainer's move: the entry as written, in the chain, and gone from the outbox.
      await sql`select auditoria_encadear()`.execute(sys.db);
      expect(await sys.db.selectFrom('auditoria').select(['resumo', 'ator_id']).where('id', '=', id).execute()).toEqual([{ resumo: 'o que de fato aconteceu', ator_id: 'u-alvo' }]);
      expect(await sys.db.selectFrom('auditoria_pendente').select('id').where('id', '=', id).execute()).toEqual([]);
      expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true, problemas: [] });
    } finally {
      await escritor.destroy();
    }
  });
});
