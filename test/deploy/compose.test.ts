/**
 * docker-compose.yml and the Dockerfile cannot drift from the code: every
 * variable given to a rito container is a setting of config/settings.ts and,
 * with compose's defaults filled in, passes loadConfig; every rito service runs
 * a real `rito` subcommand; the API's health check asks a route the API has.
 * (No Docker engine is needed: the files are read as text and YAML.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../cli/main';
import { gerarChave } from '../../config/chaves-temporal';
import { loadConfig, SETTINGS } from '../../config/settings';

const raiz = path.resolve(__dirname, '../..');
const compose = parse(fs.readFileSync(path.join(raiz, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Servico>;
  volumes?: Record<string, unknown>;
};
const dockerfile = fs.readFileSync(path.join(raiz, 'Dockerfile'), 'utf8');

interface Servico {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}

/** What the operator must put in .env (compose's ${NOME:?mensagem} refuses to start without it). */
const DO_OPERADOR: Record<string, string> = { TEMPORAL_CHAVES: gerarChave('compose') };

/** Compose's own interpolation, for the forms the file uses: ${NOME}, ${NOME:-padrão}, ${NOME-padrão}, ${NOME:?mensagem}. */
function interpolar(valor: string, ambiente: Record<string, string> = DO_OPERADOR): string {
  return valor.replace(/\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g, (_, nome: string, op: string | undefined, padrao: string | undefined) => {
    const v = ambiente[nome];
    if (op === ':-') return v ? v : (padrao ?? '');
    if (op === '-') return v !== undefined ? v : (padrao ?? '');
    if (op === ':?' || op === '?') {
      if (!v) throw new Error(`docker compose recusaria: ${nome} ${padrao}`);
      return v;
    }
    return v ?? '';
  });
}

function ambienteDe(s: Servico): Record<string, string> {
  const env = s.environment ?? {};
  const pares = Array.isArray(env) ? env.map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]) : Object.entries(env);
  return Object.fromEntries(pares.map(([k, v]) => [k, interpolar(String(v ?? ''))]));
}

/** The ENV instruction(s) of the Dockerfile, as a map. */
function ambienteDaImagem(): Record<string, string> {
  const instrucoes = dockerfile.replace(/\\\n/g, ' ').split('\n').filter((l) => /^ENV\s/.test(l));
  return Object.fromEntries(instrucoes.flatMap((l) => [...l.slice(4).matchAll(/([A-Z0-9_]+)=(\S+)/g)].map((m) => [m[1], m[2]])));
}

/** Services that run the rito image (built from this repository). */
const ritoServicos = Object.entries(compose.services).filter(([, s]) => s.build !== undefined || s.image?.startsWith('rito'));
const comando = (s: Servico) => (Array.isArray(s.command) ? s.command : String(s.command ?? '').split(/\s+/).filter(Boolean));

describe('docker-compose.yml', () => {
  it('has the production-like services: migrate once, the API, two workers, Temporal and its UI, PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'rito-api', 'rito-migrate', 'rito-worker', 'temporal', 'temporal-ui']);
    expect(ritoServicos.map(([nome]) => nome).sort()).toEqual(['rito-api', 'rito-migrate', 'rito-worker']);
    expect(compose.services['rito-worker'].deploy?.replicas).toBe(2);
    expect(compose.services.postgres.image).toBe('postgres:15');
    // Temporal server 1.29, the one SDK 1.24 and the dev server of `rito dev` run.
    expect(compose.services.temporal.image).toMatch(/^temporalio\/auto-setup:1\.29\.\d+$/);
    expect(compose.services['temporal-ui'].image).toMatch(/^temporalio\/ui:\d+\.\d+\.\d+$/);
    for (const nome of ['rito-api', 'rito-worker']) {
      expect(compose.services[nome].depends_on?.['rito-migrate']?.condition, nome).toBe('service_completed_successfully');
      expect(compose.services[nome].depends_on?.temporal?.condition, nome).toBe('service_healthy');
    }
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['postgres-data', 'rito-arquivos']);
  });

  it('runs only real rito subcommands', () => {
    const esperados: Record<string, string> = { 'rito-migrate': 'migrate', 'rito-api': 'api', 'rito-worker': 'worker' };
    for (const [nome, s] of ritoServicos) {
      const [sub] = comando(s);
      expect(Object.keys(commands), `${nome}: rito ${sub}`).toContain(sub);
      expect(sub, nome).toBe(esperados[nome]);
    }
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "bin\/rito"\]$/m);
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(Object.keys(commands)).toContain(JSON.parse(cmd![1])[0]);
  });

  it('gives rito containers only settings of config/settings.ts, and valid ones', () => {
    const imagem = ambienteDaImagem();
    expect(Object.keys(imagem).filter((k) => k !== 'NODE_ENV' && !(k in SETTINGS))).toEqual([]);
    for (const [nome, s] of ritoServicos) {
      const env = ambienteDe(s);
      const desconhecidas = Object.keys(env).filter((k) => !(k in SETTINGS));
      expect(desconhecidas, `${nome}: variáveis que o rito não lê`).toEqual([]);
      // What the container sees: the image's ENV, then the service's environment.
      const config = loadConfig({ ...imagem, ...env });
      expect(config.DATABASE_URL, nome).toMatch(/^postgres:\/\/rito:[^@]+@postgres:5432\/rito$/);
      expect(config.TEMPORAL_ADDRESS, nome).toBe('temporal:7233');
      // What rito sends to Temporal is encrypted: rito api and rito worker refuse to start without keys.
      if (nome !== 'rito-migrate') expect(config.TEMPORAL_CHAVES?.length, nome).toBeGreaterThan(0);
    }
    const api = loadConfig({ ...imagem, ...ambienteDe(compose.services['rito-api']) });
    expect(api.HOST).toBe('0.0.0.0');
    expect(api.CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(compose.services['rito-api'].volumes).toContain(`rito-arquivos:${api.RITO_FILES_DIR}`);
  });

  it("checks the API's health on /ready, on the port it listens on", () => {
    const api = compose.services['rito-api'];
    const config = loadConfig({ ...ambienteDaImagem(), ...ambienteDe(api) });
    const teste = [api.healthcheck!.test].flat().join(' ');
    expect(teste).toContain(`http://127.0.0.1:${config.PORT}/ready`);
    expect(String((api as { ports?: string[] }).ports)).toContain(`:${config.PORT}`);
  });

  it('mounts an init script that creates what DATABASE_URL and Temporal log in with', () => {
    const montagem = compose.services.postgres.volumes!.find((v) => v.includes('/docker-entrypoint-initdb.d/'))!;
    const script = fs.readFileSync(path.join(raiz, montagem.split(':')[0]), 'utf8');
    expect(script).toMatch(/CREATE ROLE rito LOGIN/);
    expect(script).toMatch(/CREATE DATABASE rito OWNER rito/);
    expect(script).toMatch(/CREATE ROLE temporal LOGIN CREATEDB/);
    const pg = ambienteDe(compose.services.postgres);
    const temporal = ambienteDe(compose.services.temporal);
    const rito = loadConfig({ ...ambienteDaImagem(), ...ambienteDe(compose.services['rito-api']) });
    expect(new URL(rito.DATABASE_URL!).password).toBe(pg.RITO_DB_PASSWORD);
    expect(temporal).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', POSTGRES_USER: 'temporal', POSTGRES_PWD: pg.TEMPORAL_DB_PASSWORD });
  });
});
