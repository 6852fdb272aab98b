/**
 * Test helper: the vistoria sections of seed 003 (SEEDUC-RJ guide), lines 205–455
 * of /work/shared/seeds/003_59d578fdd43e2272.txt copied verbatim into
 * fixtures/seed-003-vistorias.txt so the tests run without the shared folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TipoVistoria } from '../../rules/vistoria/tipos';

export const CAMINHO_SEED_COMPARTILHADA = '/work/shared/seeds/003_59d578fdd43e2272.txt';
export const SEED_VISTORIAS = readFileSync(join(__dirname, 'fixtures', 'seed-003-vistorias.txt'), 'utf8');

const TITULOS: Record<TipoVistoria, string> = {
  'aumento-capacidade': 'Cadastramento de Aumento de Capacidade Máxima de Matrícula',
  'entrada-suplementar': 'Cadastramento de Entrada Suplementar',
  'apostilamento-endereco': 'Cadastramento de Apostilamento de Endereço',
};

/** Lines of one kind's section (from its title to the next kind's title). */
export function secaoSeed(tipo: TipoVistoria): string[] {
  const linhas = SEED_VISTORIAS.split('\n').map((l) => l.replace(/\r$/, ''));
  const inicio = linhas.indexOf(TITULOS[tipo]);
  if (inicio < 0) throw new Error(`título não encontrado: ${TITULOS[tipo]}`);
  const outros = Object.values(TITULOS).filter((x) => x !== TITULOS[tipo]);
  let fim = linhas.length;
  for (let i = inicio + 1; i < linhas.length; i++) {
    if (outros.includes(linhas[i])) {
      fim = i;
      break;
    }
  }
  return linhas.slice(inicio, fim);
}

function entre(linhas: string[], abre: (l: string) => boolean, fecha: (l: string) => boolean): string[] {
  const i = linhas.findIndex(abre);
  if (i < 0) throw new Error('início de subseção não encontrado');
  const j = linhas.findIndex((l, k) => k > i && fecha(l));
  return linhas.slice(i + 1, j < 0 ? linhas.length : j);
}

export interface AlineaSeed {
  alinea: string;
  texto: string;
}

function alineas(linhas: string[]): AlineaSeed[] {
  return linhas
    .map((l) => /^([a-z])\) (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ alinea: m[1], texto: m[2] }));
}

/** "Instrução Processual" alíneas (documents of the análise de forma). */
export function instrucaoSeed(tipo: TipoVistoria): AlineaSeed[] {
  return alineas(entre(secaoSeed(tipo), (l) => l.startsWith('Instrução Processual'), (l) => l.startsWith('Fluxo')));
}

/** Fluxo item 6 alíneas (verificação dos documentos na análise de mérito). */
export function verificacaoDocumentalSeed(tipo: TipoVistoria): AlineaSeed[] {
  return alineas(entre(secaoSeed(tipo), (l) => l.startsWith('6. '), (l) => l.startsWith('7. ')));
}

/** Fluxo item 8 alíneas (diretriz do Termo de Visita). */
export function visitaSeed(tipo: TipoVistoria): AlineaSeed[] {
  return alineas(entre(secaoSeed(tipo), (l) => l.startsWith('8. '), (l) => l.startsWith('9. ')));
}

/** Alíneas between the definition and the Instrução Processual (Aumento de Capacidade's hipóteses). */
export function hipotesesSeed(tipo: TipoVistoria): AlineaSeed[] {
  return alineas(entre(secaoSeed(tipo), (l) => l.startsWith('Considera-se'), (l) => l.startsWith('Instrução Processual')));
}

/** Seed text with the alínea's final ";" or "." removed, as the checklists store it. */
export function semPontuacaoFinal(texto: string): string {
  return texto.replace(/[;.]\s*$/, '');
}
