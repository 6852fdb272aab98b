/**
 * `rito config`: the table of every setting (markdown), or `--verificar` to
 * validate the current environment, or `--atualizar-readme` to rewrite the
 * README's table, or `--gerar-chave` to print a new key for TEMPORAL_CHAVES,
 * or `--gerar-chave-ancora` one for AUDITORIA_ANCORA_CHAVE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { gerarChave } from '../config/chaves-temporal';
import { ConfigError, loadConfig } from '../config/settings';
import { readmeComTabela, tabelaConfiguracao } from '../config/tabela';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--verificar')) {
    try {
      loadConfig();
      process.stdout.write('configuração válida\n');
      return 0;
    } catch (err) {
      if (err instanceof ConfigError) {
        process.stderr.write(`${err.message}\n`);
        return 2;
      }
      throw err;
    }
  }
  if (args.includes('--gerar-chave-ancora')) {
    process.stdout.write(`${randomBytes(32).toString('base64')}\n`); // as gerarChaveAncora (api/auditoria/ancora.ts)
    return 0;
  }
  if (args.includes('--gerar-chave')) {
    process.stdout.write(`${gerarChave()}\n`);
    return 0;
  }
  if (args.includes('--atualizar-readme')) {
    const arquivo = path.resolve(__dirname, '..', 'README.md');
    fs.writeFileSync(arquivo, readmeComTabela(fs.readFileSync(arquivo, 'utf8')));
    process.stdout.write('README.md atualizado\n');
    return 0;
  }
  process.stdout.write(`${tabelaConfiguracao()}\n`);
  return 0;
}
