/**
 * The file name of the RGA (seed 003, RGA, alínea e: "O arquivo deverá ser
 * salvo (nomeado) com a seguinte identificação:
 * RGA202x.MARÇO_NOMEFANTASIADAINSTITUIÇÃODEENSINO_REGIONAL_MUNICIPIO",
 * example "RGA2024.MARÇO_CENTROEDUCACIONALFELICIDADE_METROPOLITANA I_NOVAIGUAÇU";
 * alínea d: a single PDF file). rito builds the expected name and says exactly
 * what is wrong with a given one, in pt-BR.
 *
 * How each part is written, read from the seed's example (the seed gives no
 * other rule; CHOICE documented here):
 * - the month in capitals with its accent (MARÇO);
 * - nome fantasia and município in capitals, accents kept, spaces removed
 *   (CENTROEDUCACIONALFELICIDADE, NOVAIGUAÇU); also removed: the characters
 *   that separate the parts ("_", ".") or that file names cannot hold;
 * - the regional in capitals with its spaces (METROPOLITANA I);
 * - the month is the month the RGA is delivered for (see vencimentoRga);
 * - a ".pdf" extension (any case) is accepted and expected when an extension
 *   is given; the name without extension is the seed's own.
 *
 * Pure and deterministic.
 */
import { NOMES_MESES } from './vencimentos';

/** Seed 003 is the SEEDUC-RJ guide; its RGA section lists the requirements a) to e). */
export const FONTE_NOME_RGA = 'orientações da SEEDUC-RJ para o RGA, alínea e';
export const MESES_NO_NOME = NOMES_MESES.map((m) => m.toUpperCase());

const semAcento = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Nome fantasia or município as the file name writes it: capitals, accents kept, no spaces nor separators. */
export function formaNoNome(texto: string): string {
  return texto
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s_./\\:*?"<>|]+/g, '');
}

/** The regional as the file name writes it: capitals, single spaces. */
export function formaDaRegional(texto: string): string {
  return texto.normalize('NFC').toUpperCase().replace(/\s+/g, ' ').trim();
}

export interface DadosDoRga {
  readonly ano: number;
  /** 1–12. */
  readonly mes: number;
  readonly nomeFantasia: string;
  readonly regional: string;
  readonly municipio: string;
}

/** The name the RGA of this month must have (without extension): 'RGA2024.MARÇO_CENTROEDUCACIONALFELICIDADE_METROPOLITANA I_NOVAIGUAÇU'. */
export function nomeArquivoRga(d: DadosDoRga): string {
  if (!Number.isInteger(d.mes) || d.mes < 1 || d.mes > 12) throw new RangeError('mes: informe um mês de 1 a 12');
  return `RGA${d.ano}.${MESES_NO_NOME[d.mes - 1]}_${formaNoNome(d.nomeFantasia)}_${formaDaRegional(d.regional)}_${formaNoNome(d.municipio)}`;
}

export interface ConferenciaNomeRga {
  readonly valido: boolean;
  /** pt-BR, one line per fault. */
  readonly problemas: readonly string[];
  /** The name expected, when all the data were given. */
  readonly esperado?: string;
}

const EXTENSOES = ['pdf', 'xls', 'xlsx', 'ods', 'csv', 'doc', 'docx', 'odt', 'txt', 'jpg', 'jpeg', 'png', 'zip', 'rar'];
const ESTRUTURA = 'RGA<ano>.<MÊS>_<NOMEFANTASIA>_<REGIONAL>_<MUNICÍPIO>';

function conferirParteSemEspaco(rotulo: string, valor: string, esperado: string | undefined, problemas: string[]): void {
  if (!valor.trim()) {
    problemas.push(`Falta o ${rotulo}.`);
    return;
  }
  if (esperado !== undefined) {
    if (valor !== esperado) {
      const como: string[] = [];
      if (/\s/.test(valor)) como.push('sem espaços');
      if (/[a-zà-ÿ]/.test(valor)) como.push('em maiúsculas');
      if (semAcento(formaNoNome(valor)) === semAcento(esperado) && formaNoNome(valor) !== esperado) como.push('com os acentos');
      const dica = como.length ? ` (${como.join(', ')})` : '';
      problemas.push(`O ${rotulo} deve ser ${esperado}${dica}; está "${valor}".`);
    }
    return;
  }
  if (/\s/.test(valor)) problemas.push(`O ${rotulo} vai sem espaços: ${formaNoNome(valor)}; está "${valor}".`);
  else if (valor !== valor.toUpperCase()) problemas.push(`O ${rotulo} vai em maiúsculas: ${valor.toUpperCase()}; está "${valor}".`);
}

/**
 * What is wrong with an RGA file name, part by part. With `esperado` (the
 * institution's data and the month due), each part is compared with what it
 * must be; without, only the form is checked.
 */
export function conferirNomeRga(nomeArquivo: string, esperado: Partial<DadosDoRga> = {}): ConferenciaNomeRga {
  const problemas: string[] = [];
  let nome = nomeArquivo.normalize('NFC').trim();
  const completo =
    esperado.ano !== undefined && esperado.mes !== undefined && esperado.nomeFantasia !== undefined && esperado.regional !== undefined && esperado.municipio !== undefined;
  const nomeEsperado = completo ? nomeArquivoRga(esperado as DadosDoRga) : undefined;

  // An extension: the last ".xxx" after the parts (or a known one); not the ".MAIO" of a name cut short.
  const ext = /\.([A-Za-z0-9]{2,5})$/.exec(nome);
  if (ext && (nome.slice(0, -ext[0].length).includes('_') || EXTENSOES.includes(ext[1].toLowerCase()))) {
    if (ext[1].toLowerCase() !== 'pdf') problemas.push(`O RGA é um único arquivo PDF (orientações da SEEDUC-RJ para o RGA, alínea d); a extensão é ".${ext[1]}".`);
    nome = nome.slice(0, -ext[0].length);
  }

  const partes = nome.split('_');
  if (partes.length !== 4) {
    problemas.push(
      `O nome tem ${partes.length === 1 ? 'uma só parte' : `${partes.length} partes separadas por "_"`}; devem ser 4, separadas por "_": ${ESTRUTURA}` +
        (partes.length > 4 ? ' (o nome fantasia e o município vão sem espaços nem "_")' : '') +
        '.',
    );
  }

  // RGA<ano>.<MÊS>
  const cabeca = partes[0];
  const m = /^(rga)(\d*)(\.?)(.*)$/i.exec(cabeca);
  if (!m) {
    problemas.push(`O nome deve começar por RGA seguido do ano e do mês (ex.: RGA2024.MARÇO); começa por "${cabeca.slice(0, 12)}".`);
  } else {
    const [, rga, ano, ponto, mes] = m;
    if (rga !== 'RGA') problemas.push(`Escreva RGA em maiúsculas; está "${rga}".`);
    if (!/^\d{4}$/.test(ano)) problemas.push(`Depois de RGA vem o ano com quatro dígitos (ex.: RGA2024); está "${ano}".`);
    else if (esperado.ano !== undefined && Number(ano) !== esperado.ano) problemas.push(`O ano deve ser ${esperado.ano}; está ${ano}.`);
    if (!ponto) problemas.push('Entre o ano e o mês vai um ponto (ex.: RGA2024.MARÇO).');
    const indice = MESES_NO_NOME.indexOf(mes as (typeof MESES_NO_NOME)[number]);
    if (indice < 0) {
      const parecido = MESES_NO_NOME.find((x) => semAcento(x) === semAcento(mes.toUpperCase()));
      problemas.push(
        parecido
          ? `O mês deve ser escrito ${parecido} (em maiúsculas, com acento, se houver); está "${mes}".`
          : `"${mes}" não é um mês: use JANEIRO, FEVEREIRO, MARÇO, ABRIL, MAIO, JUNHO, JULHO, AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO ou DEZEMBRO.`,
      );
    } else if (esperado.mes !== undefined && indice + 1 !== esperado.mes) {
      problemas.push(`O mês deve ser ${MESES_NO_NOME[esperado.mes - 1]}; está ${mes}.`);
    }
  }

  if (partes.length === 4) {
    const [, fantasia, regional, municipio] = partes;
    conferirParteSemEspaco('nome fantasia', fantasia, esperado.nomeFantasia !== undefined ? formaNoNome(esperado.nomeFantasia) : undefined, problemas);
    if (!regional.trim()) problemas.push('Falta a regional.');
    else if (esperado.regional !== undefined) {
      const r = formaDaRegional(esperado.regional);
      if (regional !== r) problemas.push(`A regional deve ser ${r}; está "${regional}".`);
    } else if (regional !== regional.toUpperCase()) problemas.push(`A regional vai em maiúsculas: ${regional.toUpperCase()}; está "${regional}".`);
    conferirParteSemEspaco('município', municipio, esperado.municipio !== undefined ? formaNoNome(esperado.municipio) : undefined, problemas);
  }

  return { valido: problemas.length === 0, problemas, ...(nomeEsperado ? { esperado: nomeEsperado } : {}) };
}
