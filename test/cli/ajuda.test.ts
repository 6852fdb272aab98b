/**
 * `rito --help`, `rito <comando> --help` and `-h`, and the subcommands'
 * `--help`, as a user runs them (`node bin/rito` in a child process): usage on
 * stdout, nothing on stderr, exit 0, and nothing started (`rito dev --help`
 * must not bring the system up).
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../cli/main';

const RAIZ = resolve(__dirname, '../..');

function rito(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    // No DATABASE_URL or TEMPORAL_ADDRESS: asking for help needs neither.
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    execFile(process.execPath, [join(RAIZ, 'bin/rito'), ...args], { cwd: RAIZ, env, timeout: 30_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The subcommands of each command that has them, each with its own --help. */
const SUBCOMANDOS: Record<string, string[]> = {
  prazo: ['calcular', 'prorrogar', 'ciencia', 'visita', 'tempestivo'],
  calendario: ['listar', 'dia'],
  seed: ['demo'],
  auditoria: ['verificar'],
};

const casos: { args: string[]; uso: string }[] = [
  { args: ['--help'], uso: 'uso: rito <comando>' },
  { args: ['-h'], uso: 'uso: rito <comando>' },
  ...Object.keys(commands).flatMap((nome) => [
    { args: [nome, '--help'], uso: `uso: rito ${nome}` },
    { args: [nome, '-h'], uso: `uso: rito ${nome}` },
    ...(SUBCOMANDOS[nome] ?? []).map((sub) => ({ args: [nome, sub, '--help'], uso: `uso: rito ${nome}` })),
  ]),
];

describe.concurrent('rito … --help', () => {
  it('covers every command of the CLI', () => {
    expect(Object.keys(commands).sort()).toEqual(['api', 'auditoria', 'calendario', 'config', 'dev', 'migrate', 'prazo', 'seed', 'worker']);
  });

  it.each(casos)('rito $args prints its usage and exits 0', async ({ args, uso }) => {
    const r = await rito(args);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(uso)).toBe(true);
    expect(r.code).toBe(0);
  });
});
