/**
 * The audit trail's queue and outbox (api/auditoria/registro.ts, encadeador.ts;
 * issue 16): entries written outside a caller's transaction queue and are
 * written to the outbox by one writer per pool, many per statement, then
 * chained by the chainer, many per transaction. What callers rely on: each gets
 * its own committed entry, the chain stays whole and in order, two entries with
 * one idempotency key in the same batch still make the second a repetition of
 * the first, and an entry the database refuses fails alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aguardarEncadeamento, registrarAuditoria } from '../../api/auditoria/registro';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { connectDb } from '../../db/connect';
import { freshDatabase } from '../support/database';

let banco: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  banco = await freshDatabase();
});
afterAll(async () => {
  await banco?.drop();
});

const entrada = (i: number) => ({ acao: 'teste.lote', resumo: `entrada ${i}`, ator: { id: `u${i}`, nome: `Pessoa ${i}`, papeis: ['inspetor'] } });

describe('trilha de auditoria em lote', () => {
  it('entradas simultâneas: cada uma com a sua, todas gravadas, a cadeia íntegra e em ordem', async () => {
    const r = await Promise.all(Array.from({ length: 60 }, (_, i) => registrarAuditoria(banco.db, entrada(i))));
    expect(new Set(r.map((x) => x.seq)).size).toBe(60);
    const linhas = await banco.db.selectFrom('auditoria').select(['seq', 'resumo', 'hash']).orderBy('seq').execute();
    expect(linhas).toHaveLength(60);
    // Each caller's answer names its own row.
    for (const [i, x] of r.entries()) expect(linhas.find((l) => Number(l.seq) === x.seq)).toMatchObject({ resumo: `entrada ${i}`, hash: x.hash });
    expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, total: 60 });
  });

  it('a mesma chave de idempotência duas vezes no mesmo lote: a segunda é repetição da primeira', async () => {
    const com = (resumo: string) => ({ acao: 'teste.chave', resumo, chaveIdempotencia: 'chave-lote-1', ator: null });
    // The first call starts the writer with itself alone; the two that follow queue meanwhile and go in one batch.
    const [, a, b] = await Promise.all([
      registrarAuditoria(banco.db, entrada(99)),
      registrarAuditoria(banco.db, com('primeira')),
      registrarAuditoria(banco.db, com('segunda')),
    ]);
    expect(a).toMatchObject({ repeticao: false });
    expect(b).toMatchObject({ repeticao: true, repeticaoDe: a.seq, acao: 'teste.chave.repeticao' });
  });

  it('uma entrada que o banco recusa falha sozinha; as outras do lote são gravadas', async () => {
    const antes = (await verificarCadeia(banco.db)).total;
    // A NUL byte is refused by PostgreSQL in a text column (the request path filters it out before: plugins/texto-valido.ts).
    const ruim = { acao: 'teste.ruim\u0000', resumo: 'recusada', ator: null };
    const r = await Promise.allSettled([registrarAuditoria(banco.db, entrada(100)), registrarAuditoria(banco.db, ruim), registrarAuditoria(banco.db, entrada(101))]);
    expect(r.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, total: antes + 2 });
  });

  it('dois escritores (duas instâncias da API) e transações que auditam a própria mudança, ao mesmo tempo: cada entrada gravada uma vez, a cadeia íntegra', async () => {
    // A second connection pool is a second writer and a second chainer, as another API instance would be. Each writes
    // to the outbox without a lock; the chainers take turns (the chain's lock is theirs alone), each chaining whatever
    // any writer committed.
    const outra = connectDb(banco.url, { max: 4 });
    try {
      const antes = (await verificarCadeia(banco.db)).total;
      // An entry in a transaction comes back pending; its seq once the chainer has taken it.
      const emTransacao = async (i: number) => aguardarEncadeamento(banco.db, await banco.db.transaction().execute((trx) => registrarAuditoria(trx, entrada(1000 + i))));
      const r = await Promise.all(
        Array.from({ length: 12 }, (_, rodada) =>
          Promise.all([
            ...Array.from({ length: 10 }, (_, i) => registrarAuditoria(banco.db, entrada(200 + rodada * 10 + i))),
            ...Array.from({ length: 10 }, (_, i) => registrarAuditoria(outra, entrada(400 + rodada * 10 + i))),
            emTransacao(rodada),
          ]),
        ),
      ).then((x) => x.flat());
      expect(r).toHaveLength(12 * 21);
      expect(new Set(r.map((x) => x.seq)).size).toBe(12 * 21);
      const linhas = await banco.db.selectFrom('auditoria').select(['seq', 'hash']).where('seq', '>', String(antes)).execute();
      expect(linhas).toHaveLength(12 * 21);
      for (const x of r) expect(linhas.find((l) => Number(l.seq) === x.seq)?.hash).toBe(x.hash);
      // Once more after the others stopped: each writer's next batch is one statement again, from a head it may have to re-read.
      await Promise.all([registrarAuditoria(outra, entrada(900)), registrarAuditoria(banco.db, entrada(901))]);
      expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, total: antes + 12 * 21 + 2, problemas: [] });
    } finally {
      await outra.destroy();
    }
  });

  it('uma entrada numa transação, encadeada pelo banco (auditoria_encadear): o hash que o banco calcula é o que a verificação recalcula', async () => {
    // The database hashes the canonical JSON rito sends around the seq: text of every kind must give the verifier's hash.
    const e = {
      acao: 'teste.transacao',
      resumo: 'Aspas " e \\ barra, acentuação çãé, emoji 🎓, quebra\nde linha e U+2028 \u2028 fim',
      ator: { id: 'u-tx', nome: 'Zoë "Ñ" d\'Ávila', papeis: ['administrador', 'inspetor'] },
      origem: { ip: '::1', userAgent: 'agente/1.0 (ç)', requestId: 'r-1', correlacao: 'c-1' },
      dados: { z: 1.5, a: [null, true, { y: 'ü', b: -0 }], vazio: {}, texto: '</script>', numero: 12345678901234 },
      processoId: 'p-tx',
      recursoId: 'r-tx',
      recurso: 'processo',
    };
    const pendente = await banco.db.transaction().execute((trx) => registrarAuditoria(trx, e));
    expect(pendente).toMatchObject({ seq: null, hash: null });
    const r = await aguardarEncadeamento(banco.db, pendente);
    const linha = await banco.db.selectFrom('auditoria').select(['seq', 'hash', 'resumo']).where('seq', '=', String(r.seq!)).executeTakeFirstOrThrow();
    expect(linha.hash).toBe(r.hash);
    expect(linha.resumo).toBe(e.resumo);
    expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, problemas: [] });
  });
});
