/**
 * `rito calendario` — the business-day calendar from the command line.
 *
 *   rito calendario listar 2026 [--uf RJ] [--municipio 3304557] [--unidade ID] [--fins-de-semana] [--decretados arquivo.json] [--json]
 *   rito calendario dia 2026-09-07 [--uf RJ] [--municipio …] [--json]
 *
 * `listar` prints every non-business Monday–Friday of the year (holidays by law
 * and decreed days) with its reason; `dia` says whether a date is a business day
 * and why not. Decreed days come from the same seam as `rito prazo`
 * (AmbienteCli.diasDecretados: PostgreSQL when DATABASE_URL is set) and from
 * `--decretados`; `listar` computes exactly what GET /v1/calendario/{ano} answers.
 */
import { criarCalendario, dadosDaFonte, ErroEntrada, formatarData, formatarDataBR, lerData, type Local } from '../rules/calendario';
import { calendarioDoAno } from '../api/calendario/ano';
import {
  type AmbienteCli,
  ambienteDoProcesso,
  ErroArgumento,
  executarComando,
  inteiro,
  lerArgumentos,
  lerArquivoDecretados,
  localDoComando,
  OPCOES_LOCAL,
} from './prazo';

const AJUDA = `uso: rito calendario <subcomando> [opções]

subcomandos:
  listar ANO    dias não úteis de segunda a sexta do ano (feriados e dias decretados), com o motivo
                [--fins-de-semana] inclui sábados e domingos
  dia DATA      diz se AAAA-MM-DD é dia útil e, se não, por quê

opções comuns:
  --uf UF               UF (padrão RJ)
  --municipio CODIGO    código IBGE do município (ex.: 3304557, Rio de Janeiro)
  --unidade ID          unidade (dias decretados de escopo "unidade")
  --decretados ARQUIVO  JSON com dias decretados sem expediente
  --json                um objeto JSON em stdout
`;

const rotuloLocal = (l: Local) => `${l.uf}${l.municipio ? `, município ${l.municipio}` : ''}${l.unidade ? `, unidade ${l.unidade}` : ''}`;

async function subcomando(nome: string, args: string[], amb: AmbienteCli) {
  switch (nome) {
    case 'listar': {
      const { values: v, positionals } = lerArgumentos(args, { ...OPCOES_LOCAL, 'fins-de-semana': { type: 'boolean' } }, true);
      if (v.help) return 'ajuda' as const;
      if (positionals.length !== 1) throw new ErroArgumento('ANO', 'informe um ano, ex.: rito calendario listar 2026.');
      const ano = inteiro(positionals[0], 'ANO');
      const local = await localDoComando(v, amb);
      let calendario;
      try {
        calendario = await calendarioDoAno(ano, local, { incluirFinsDeSemana: !!v['fins-de-semana'], diasDecretados: lerArquivoDecretados(v.decretados) }, amb.diasDecretados);
      } catch (e) {
        if (e instanceof ErroEntrada && e.campo === 'ano') throw new ErroArgumento('ANO', e.detalhe);
        throw e;
      }
      const { naoUteis, restritos, avisos } = calendario;
      const linhas = [
        `Dias não úteis${v['fins-de-semana'] ? '' : ' de segunda a sexta'} em ${ano} — ${rotuloLocal(local)}`,
        ...naoUteis.map((n) => `  ${formatarDataBR(lerData(n.data, 'data'))}  ${n.motivo}`),
        `  (${naoUteis.length} dias)`,
        ...(restritos.length
          ? [
              '',
              'Dias úteis em que nenhum prazo vence (expediente reduzido: nem começa; indisponibilidade do rito):',
              ...restritos.map((n) => `  ${formatarDataBR(lerData(n.data, 'data'))}  ${n.motivo}`),
            ]
          : []),
        ...(avisos.length ? ['', 'Avisos:', ...avisos.map((a) => `  ! ${a}`)] : []),
      ];
      return { json: calendario, texto: linhas.join('\n') + '\n' };
    }
    case 'dia': {
      const { values: v, positionals } = lerArgumentos(args, OPCOES_LOCAL, true);
      if (v.help) return 'ajuda' as const;
      if (positionals.length !== 1) throw new ErroArgumento('DATA', 'informe uma data, ex.: rito calendario dia 2026-09-07.');
      const data = positionals[0];
      let dia: number;
      try {
        dia = lerData(data, 'DATA');
      } catch (e) {
        throw e instanceof ErroEntrada ? new ErroArgumento('DATA', e.detalhe) : e;
      }
      const local = await localDoComando(v, amb);
      const daFonte = dadosDaFonte(amb.diasDecretados ? await amb.diasDecretados({ local, de: data, ate: data }) : []);
      const decretados = [...lerArquivoDecretados(v.decretados), ...daFonte.diasDecretados];
      const cal = criarCalendario(local, decretados, daFonte.feriadosMunicipais !== undefined ? { feriadosMunicipais: daFonte.feriadosMunicipais } : {});
      const util = cal.ehDiaUtil(dia);
      const motivo = cal.motivoNaoUtil(dia) ?? null;
      const proximo = cal.proximoDiaUtil(dia);
      const json = { data, diaUtil: util, motivo, proximoDiaUtil: formatarData(proximo), local, avisos: [...cal.avisos] };
      const texto = util
        ? `${formatarDataBR(dia)} é dia útil — ${rotuloLocal(local)}\n`
        : `${formatarDataBR(dia)} NÃO é dia útil — ${motivo}\n  próximo dia útil: ${formatarDataBR(proximo)}\n`;
      return { json, texto };
    }
    default:
      throw new ErroArgumento(nome, 'subcomando desconhecido (listar, dia).');
  }
}

export async function run(args: string[], ambiente?: AmbienteCli): Promise<number> {
  if (!ambiente) {
    // With DATABASE_URL, decreed days come from PostgreSQL (see cli/prazo.ts ambienteDoProcesso).
    const processo = ambienteDoProcesso();
    try {
      return await run(args, processo.ambiente);
    } finally {
      await processo.encerrar();
    }
  }
  const [nome, ...resto] = args;
  if (!nome || nome === '--help' || nome === '-h' || nome === 'ajuda') {
    (nome ? ambiente.escrever ?? ((t: string) => void process.stdout.write(t)) : ambiente.escreverErro ?? ((t: string) => void process.stderr.write(t)))(AJUDA);
    return nome ? 0 : 2;
  }
  if (nome !== 'listar' && nome !== 'dia') {
    (ambiente.escreverErro ?? ((t: string) => void process.stderr.write(t)))(`rito calendario: subcomando desconhecido "${nome}" (listar, dia).\n`);
    return 2;
  }
  return executarComando(`rito calendario ${nome}`, AJUDA, ambiente, () => subcomando(nome, resto, ambiente), resto.includes('--json'));
}
