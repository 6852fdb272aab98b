/**
 * The `rito` command. Each subcommand lives in its own module exporting
 * `run(args: string[]): Promise<number>` (the process exit code), loaded lazily
 * so that `rito prazo` does not pay for Temporal or Fastify. (`require`, not
 * `import()`: under tsx's CommonJS loader a dynamic import needs file extensions.)
 *
 * `rito --help` and `rito <comando> --help` (or -h) print usage and exit 0:
 * from cli/ajuda.ts without loading the command, or, for a command without an
 * entry there (prazo, calendario: subcommands with options of their own), by
 * the command itself.
 */
import { AJUDA, pedeAjuda } from './ajuda';

type Command = { summary: string; ajuda?: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

export const commands: Record<string, Command> = {
  dev: { summary: 'sobe o sistema completo com padrões embutidos (Temporal dev server, PGlite, worker, API)', ajuda: AJUDA.dev, load: async () => require('./dev') },
  api: { summary: 'sobe apenas a API HTTP', ajuda: AJUDA.api, load: async () => require('./api') },
  worker: { summary: 'sobe apenas o worker Temporal', ajuda: AJUDA.worker, load: async () => require('./worker') },
  config: { summary: 'mostra a tabela de configurações (--verificar valida o ambiente atual)', ajuda: AJUDA.config, load: async () => require('./config') },
  migrate: { summary: 'aplica as migrações do banco de dados', ajuda: AJUDA.migrate, load: async () => require('./migrate') },
  seed: { summary: 'cria dados de demonstração (seed demo): contas, COOIE e instituições, e imprime as senhas', ajuda: AJUDA.seed, load: async () => require('./seed') },
  auditoria: { summary: 'confere a cadeia de hashes da trilha de auditoria (auditoria verificar)', ajuda: AJUDA.auditoria, load: async () => require('./auditoria') },
  prazo: { summary: 'calcula prazos: vencimento, prorrogação, ciência tácita, visita, tempestividade', load: async () => require('./prazo') },
  calendario: { summary: 'lista dias não úteis (feriados e dias decretados) de um ano', load: async () => require('./calendario') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `uso: rito <comando> [opções]\n\ncomandos:\n${lines.join('\n')}\n\nrito <comando> --help mostra as opções de cada comando.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'ajuda') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`rito: comando desconhecido "${name}"\n\n${usage()}`);
    return 2;
  }
  if (command.ajuda && pedeAjuda(rest)) {
    process.stdout.write(command.ajuda);
    return 0;
  }
  const mod = await command.load();
  return mod.run(rest);
}

/** Entry point used by bin/rito. */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`rito: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
