/**
 * Issue 17, defect 10 (b, c): the audit chain is anchored outside the database
 * and the verifier reports every problem it finds.
 *
 * - A signed anchor (HMAC-SHA256 of seq, hash, instant) is written to a file and
 *   to the log by `rito api`, and by `rito auditoria ancorar`.
 * - `rito auditoria verificar` checks the chain against the anchors by default:
 *   a tail cut below an anchored seq and a chain re-hashed from one entry on —
 *   both consistent in themselves — are reported; so is a forged anchor.
 * - Several alterations and removals are all reported, not only the first.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gerarChaveAncora } from '../../api/auditoria/ancora';
import { conteudoDaLinha, HASH_INICIAL, hashEntrada, registrarAuditoria } from '../../api/auditoria/registro';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { gerarChave } from '../../config/chaves-temporal';
import type { Database } from '../../db/schema';
import { freshDatabase } from '../support/database';

const raiz = path.resolve(__dirname, '../..');

function rito(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(raiz, 'bin/rito'), ...args], { cwd: raiz, env: { ...process.env, ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** As the owner of the table could (defect 10 (a) keeps the application from it): triggers off, rows changed, triggers on. */
async function adulterar(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table auditoria disable trigger user`.execute(trx);
    await fn(trx);
    await sql`alter table auditoria enable trigger user`.execute(trx);
  });
}

/** Rewrites entry `de`'s resumo and recomputes every hash from it to the end: the chain is consistent again. */
async function reescreverDesde(db: Kysely<Database>, de: number, resumo: string) {
  await adulterar(db, async (trx) => {
    const rows = await trx.selectFrom('auditoria').selectAll().where('seq', '>=', String(de)).orderBy('seq').execute();
    let anterior = (await trx.selectFrom('auditoria').select('hash').where('seq', '=', String(de - 1)).executeTakeFirst())?.hash ?? HASH_INICIAL;
    for (const row of rows) {
      const nova = { ...row, resumo: Number(row.seq) === de ? resumo : row.resumo, hash_anterior: anterior };
      const hash = hashEntrada(anterior, conteudoDaLinha(nova));
      await trx.updateTable('auditoria').set({ resumo: nova.resumo, hash_anterior: anterior, hash }).where('seq', '=', row.seq).execute();
      anterior = hash;
    }
  });
}

async function entradas(db: Kysely<Database>, n: number) {
  for (let i = 0; i < n; i++) await registrarAuditoria(db, { ator: null, acao: 'teste.entrada', resumo: `entrada de teste ${i + 1}` });
}

let banco: Awaited<ReturnType<typeof freshDatabase>>;
let pasta: string;
let env: Record<string, string>;
beforeAll(async () => {
  banco = await freshDatabase();
  pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-ancoras-'));
  env = { DATABASE_URL: banco.url, AUDITORIA_ANCORA_DIR: pasta, AUDITORIA_ANCORA_CHAVE: gerarChaveAncora() };
});
afterAll(async () => {
  await banco?.drop();
  if (pasta) fs.rmSync(pasta, { recursive: true, force: true });
});

describe('the verifier reports every problem', () => {
  it('an altered entry, a removed one and a re-hashed one: all three', async () => {
    const outro = await freshDatabase();
    try {
      await entradas(outro.db, 14);
      await adulterar(outro.db, async (trx) => {
        await trx.updateTable('auditoria').set({ resumo: 'nada aconteceu aqui' }).where('seq', '=', '3').execute();
        await trx.deleteFrom('auditoria').where('seq', '=', '7').execute();
        const row = await trx.selectFrom('auditoria').selectAll().where('seq', '=', '10').executeTakeFirstOrThrow();
        const hash = hashEntrada(row.hash_anterior, conteudoDaLinha({ ...row, resumo: 'reescrita com cuidado' }));
        await trx.updateTable('auditoria').set({ resumo: 'reescrita com cuidado', hash }).where('seq', '=', '10').execute();
      });
      const r = await verificarCadeia(outro.db, { lote: 4 });
      expect(r.integra).toBe(false);
      expect(r.problemas).toEqual([
        { seq: 3, motivo: 'a entrada 3 foi alterada: seu conteúdo não corresponde ao hash registrado' },
        { seq: 7, motivo: 'a entrada 7 foi removida (a cadeia salta de 6 para 8)' },
        { seq: 10, motivo: 'a entrada 10 foi alterada: seu hash não é o que a entrada 11 registrou como anterior' },
      ]);
      const cli = await rito(['auditoria', 'verificar', '--sem-ancoras'], { DATABASE_URL: outro.url });
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain('auditoria ADULTERADA na entrada 3: a entrada 3 foi alterada');
      expect(cli.stdout).toContain('auditoria ADULTERADA na entrada 7: a entrada 7 foi removida');
      expect(cli.stdout).toContain('auditoria ADULTERADA na entrada 10: a entrada 10 foi alterada');
      expect(cli.stdout).toContain('3 problemas encontrados');
    } finally {
      await outro.drop();
    }
  });
});

describe('anchors outside the database', () => {
  it('rito auditoria verificar checks the latest signed anchor by default: a cut tail and a re-hashed chain are reported', async () => {
    await entradas(banco.db, 12);
    const ancorada = await rito(['auditoria', 'ancorar'], env);
    expect(ancorada.code, ancorada.stderr).toBe(0);
    expect(ancorada.stdout).toMatch(/âncora gravada: seq 12, hash [0-9a-f]{64}/);
    const arquivos = fs.readdirSync(pasta);
    expect(arquivos).toHaveLength(1);
    const ancora = JSON.parse(fs.readFileSync(path.join(pasta, arquivos[0]), 'utf8'));
    expect(ancora).toMatchObject({ versao: 1, seq: 12, hash: expect.stringMatching(/^[0-9a-f]{64}$/), em: expect.stringMatching(/-03:00$/), assinatura: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await entradas(banco.db, 3);
    const intacta = await rito(['auditoria', 'verificar'], env);
    expect(intacta.code, intacta.stdout + intacta.stderr).toBe(0);
    expect(intacta.stdout).toContain('auditoria íntegra: 15 entradas verificadas');
    expect(intacta.stdout).toContain('conferida com 1 âncora; a mais recente: seq 12');

    // Cut the tail below the anchored seq: the shorter chain is consistent in itself…
    const cortadas = await banco.db.selectFrom('auditoria').selectAll().where('seq', '>', '10').orderBy('seq').execute();
    await adulterar(banco.db, (trx) => trx.deleteFrom('auditoria').where('seq', '>', '10').execute());
    expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, total: 10 });
    // …but not against the anchor.
    const cortada = await rito(['auditoria', 'verificar'], env);
    expect(cortada.code).toBe(1);
    expect(cortada.stdout).toMatch(/auditoria ADULTERADA na entrada 11: a âncora de .* registra a entrada 12, mas a cadeia termina na 10/);
    await adulterar(banco.db, (trx) => trx.insertInto('auditoria').values(cortadas.map((c) => ({ ...c, dados: JSON.stringify(c.dados) }))).execute());
    expect((await rito(['auditoria', 'verificar'], env)).code).toBe(0);

    // Rewrite entry 5 and recompute every hash after it: consistent in itself, not with the anchor.
    await reescreverDesde(banco.db, 5, 'o que a entrada 5 nunca disse');
    expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, total: 15 });
    const reescrita = await rito(['auditoria', 'verificar'], env);
    expect(reescrita.code).toBe(1);
    expect(reescrita.stdout).toMatch(/auditoria ADULTERADA na entrada 12: a entrada 12 não tem o hash da âncora de /);

    // An anchor made up for the rewritten chain, without the key, is refused as forged.
    const cabeca = await banco.db.selectFrom('auditoria').select(['seq', 'hash']).where('seq', '=', '15').executeTakeFirstOrThrow();
    const forjada = { ...ancora, seq: 15, hash: cabeca.hash, assinatura: randomBytes(32).toString('hex') };
    fs.writeFileSync(path.join(pasta, `ancora-${ancora.banco}-000000000015-${Date.now()}.json`), JSON.stringify(forjada));
    const comForjada = await rito(['auditoria', 'verificar'], env);
    expect(comForjada.code).toBe(1);
    expect(comForjada.stdout).toMatch(/auditoria ADULTERADA: âncora .*000000000015.*: assinatura inválida/);
    expect(comForjada.stdout).toMatch(/na entrada 12: a entrada 12 não tem o hash da âncora/);

    // The anchors cannot be checked without the key: refused rather than skipped.
    const semChave = await rito(['auditoria', 'verificar'], { ...env, AUDITORIA_ANCORA_CHAVE: '' , RITO_DATA_DIR: pasta });
    expect(semChave.code).toBe(2);
    expect(semChave.stderr).toContain('AUDITORIA_ANCORA_CHAVE');
  });

  it('rito api anchors the head periodically, to a file and to the log', async () => {
    const outro = await freshDatabase();
    const pastaApi = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-ancoras-api-'));
    let filho: ChildProcess | undefined;
    try {
      await entradas(outro.db, 4);
      const envApi = {
        DATABASE_URL: outro.url,
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_CHAVES: gerarChave('teste'),
        HOST: '127.0.0.1',
        PORT: '0',
        AUDITORIA_ANCORA_DIR: pastaApi,
        AUDITORIA_ANCORA_CHAVE: env.AUDITORIA_ANCORA_CHAVE,
        AUDITORIA_ANCORA_INTERVALO_S: '1',
      };
      filho = spawn(process.execPath, [path.join(raiz, 'bin/rito'), 'api'], { cwd: raiz, env: { ...process.env, ...envApi }, stdio: ['ignore', 'pipe', 'pipe'] });
      let saida = '';
      filho.stdout!.on('data', (d) => (saida += d));
      filho.stderr!.on('data', (d) => (saida += d));
      const esperar = async (cond: () => boolean, o: string) => {
        for (let i = 0; i < 600 && !cond(); i++) await new Promise((r) => setTimeout(r, 100));
        if (!cond()) throw new Error(`${o} não aconteceu:\n${saida}`);
      };
      const ancorasNoLog = () => [...saida.matchAll(/^\{.*"msg":"âncora da trilha de auditoria".*$/gm)].map((m) => JSON.parse(m[0]).ancoraAuditoria);
      await esperar(() => ancorasNoLog().length >= 1, 'a primeira âncora');
      expect(ancorasNoLog()[0]).toMatchObject({ seq: 4 });
      // The chain grows: the next period anchors the new head.
      await entradas(outro.db, 2);
      await esperar(() => ancorasNoLog().some((a) => a.seq === 6), 'a âncora da nova cabeça');
      const arquivos = fs.readdirSync(pastaApi).filter((n) => n.endsWith('.json'));
      expect(arquivos.length).toBeGreaterThanOrEqual(2);
      const noArquivo = arquivos.map((n) => JSON.parse(fs.readFileSync(path.join(pastaApi, n), 'utf8')));
      expect(noArquivo).toEqual(expect.arrayContaining([expect.objectContaining(ancorasNoLog().find((a) => a.seq === 6))]));
      // Unchanged head: no new anchor each period.
      expect(new Set(ancorasNoLog().map((a) => a.seq)).size).toBe(ancorasNoLog().length);
      const verificada = await rito(['auditoria', 'verificar'], { DATABASE_URL: outro.url, AUDITORIA_ANCORA_DIR: pastaApi, AUDITORIA_ANCORA_CHAVE: env.AUDITORIA_ANCORA_CHAVE });
      expect(verificada.code, verificada.stdout).toBe(0);
      expect(verificada.stdout).toMatch(/conferida com \d+ âncoras?; a mais recente: seq 6/);
    } finally {
      if (filho && filho.exitCode === null) {
        const fim = new Promise((r) => filho!.once('exit', r));
        filho.kill('SIGTERM');
        await fim;
      }
      await outro.drop();
      fs.rmSync(pastaApi, { recursive: true, force: true });
    }
  });
});
