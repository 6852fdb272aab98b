/** The settings table of the README, generated from SETTINGS so that it cannot drift. */
import { SETTINGS } from './settings';

function padrao(schema: unknown): string {
  try {
    const v = (schema as { parse(x: unknown): unknown }).parse(undefined);
    return v === undefined ? '—' : `\`${String(v).replace(/^.*\/(\.data|\.cache)$/, '<repo>/$1')}\``;
  } catch {
    return 'obrigatória';
  }
}

export function tabelaConfiguracao(): string {
  const linhas = Object.entries(SETTINGS).map(([nome, s]) => `| \`${nome}\` | ${padrao(s.schema)} | ${s.description.replace(/\|/g, '\\|')} |`);
  return ['| variável | padrão | descrição |', '| --- | --- | --- |', ...linhas].join('\n');
}

const INICIO = '<!-- settings:start -->';
const FIM = '<!-- settings:end -->';

/** The README with the table between its markers replaced. */
export function readmeComTabela(readme: string): string {
  const i = readme.indexOf(INICIO);
  const f = readme.indexOf(FIM);
  if (i < 0 || f < i) throw new Error('README.md sem os marcadores da tabela de configuração');
  return `${readme.slice(0, i + INICIO.length)}\n${tabelaConfiguracao()}\n${readme.slice(f)}`;
}
