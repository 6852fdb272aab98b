/**
 * Comissão de Vistoria: "Ordem de Serviço – OS, que deverá ser publicada no
 * DOERJ, designando Comissão composta por 03 servidores que serão responsáveis
 * pela análise de mérito do processo" (seed 003, Fluxo item 4).
 *
 * Rules enforced: exactly 3 members; each with nome and matrícula; 3 distinct
 * servidores. A servidor is identified by the matrícula (names may repeat between
 * different people); matrículas are compared ignoring punctuation, spaces and
 * letter case ("123.456-7" = "1234567"). The seed gives no matrícula format, so
 * none is imposed beyond containing at least one letter or digit.
 *
 * Pure: safe to import from Temporal workflow code.
 */

export const TAMANHO_COMISSAO_VISTORIA = 3;

export interface MembroComissao {
  readonly nome: string;
  readonly matricula: string;
}

export interface ErroComissao {
  /** 'membros' or 'membros[i].nome' / 'membros[i].matricula' (i from 0). */
  readonly campo: string;
  readonly mensagem: string;
}

export interface ResultadoValidacaoComissao {
  readonly valida: boolean;
  readonly erros: ErroComissao[];
}

/** Normal form used to compare matrículas. */
export function normalizarMatricula(matricula: string): string {
  return matricula.normalize('NFKC').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function textoDe(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

export function validarComissao(membros: unknown): ResultadoValidacaoComissao {
  const erros: ErroComissao[] = [];
  if (!Array.isArray(membros)) {
    return {
      valida: false,
      erros: [{ campo: 'membros', mensagem: 'Informe os membros da Comissão de Vistoria (3 servidores).' }],
    };
  }
  if (membros.length !== TAMANHO_COMISSAO_VISTORIA) {
    erros.push({
      campo: 'membros',
      mensagem: `A Comissão de Vistoria deve ser composta por exatamente 3 servidores; foram informados ${membros.length}.`,
    });
  }

  const porMatricula = new Map<string, number>();
  membros.forEach((m: unknown, i: number) => {
    const n = i + 1;
    const r = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
    const nome = textoDe(r.nome);
    const matricula = textoDe(r.matricula);
    if (!nome) erros.push({ campo: `membros[${i}].nome`, mensagem: `Membro ${n}: informe o nome do servidor.` });
    if (!matricula) {
      erros.push({ campo: `membros[${i}].matricula`, mensagem: `Membro ${n}: informe a matrícula do servidor.` });
      return;
    }
    const chave = normalizarMatricula(matricula);
    if (!chave) {
      erros.push({
        campo: `membros[${i}].matricula`,
        mensagem: `Membro ${n}: a matrícula "${matricula}" não contém letras nem algarismos.`,
      });
      return;
    }
    const anterior = porMatricula.get(chave);
    if (anterior !== undefined) {
      erros.push({
        campo: `membros[${i}].matricula`,
        mensagem: `Membro ${n}: a matrícula ${matricula} já foi informada para o membro ${anterior + 1}; a Comissão deve ter 3 servidores distintos.`,
      });
    } else {
      porMatricula.set(chave, i);
    }
  });

  return { valida: erros.length === 0, erros };
}
