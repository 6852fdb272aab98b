/**
 * Prazo cases derived BY HAND from DOMAIN.md's rules and the 2023–2028
 * calendars (not from the engine's output). Shared by the engine tests, the CLI
 * tests and (later) the HTTP tests: `entrada` is the API input, `esperado`
 * holds only what was worked out by hand (fields left out are not checked).
 *
 * Calendar anchors used: 2025-01-01 Wed, 2026-01-01 Thu, 2027-01-01 Fri,
 * 2028-01-01 Sat. Easter: 2025-04-20, 2026-04-05, 2027-03-28 → RJ Carnival
 * Tuesday 2025-03-04, 2026-02-17, 2027-02-09; Good Friday 2025-04-18,
 * 2026-04-03, 2027-03-26; Corpus Christi (NOT a holiday in RJ) 2026-06-04.
 */
import type { DiaDecretado, Local } from '../../rules/calendario';
import type {
  EntradaCiencia,
  EntradaPrazo,
  EntradaProrrogacao,
  EntradaTempestividade,
  EntradaVisita,
} from '../../rules/prazos';

export interface Esperado {
  /** calcular, prorrogar, ciencia (window end), tempestivo */
  vencimento?: string;
  limite?: string;
  cienciaEfetiva?: string;
  /** Exact list of the dates in naoUteis. */
  naoUteis?: string[];
  /** date → exact motivo. */
  motivos?: Record<string, string>;
  /** ciencia */
  ciencia?: string;
  tacita?: boolean;
  /** visita */
  data?: string;
  /** tempestivo */
  tempestivo?: boolean;
  /** prorrogar */
  concedida?: boolean;
  /** prorrogar refused: substring of the reason. */
  motivoContem?: string;
  /** substring expected in one of the avisos. */
  avisoContem?: string;
}

export type Caso =
  | { id: string; descricao: string; tipo: 'calcular'; entrada: EntradaPrazo; esperado: Esperado }
  | { id: string; descricao: string; tipo: 'prorrogar'; entrada: EntradaProrrogacao; esperado: Esperado }
  | { id: string; descricao: string; tipo: 'ciencia'; entrada: EntradaCiencia; esperado: Esperado }
  | { id: string; descricao: string; tipo: 'visita'; entrada: EntradaVisita; esperado: Esperado }
  | { id: string; descricao: string; tipo: 'tempestivo'; entrada: EntradaTempestividade; esperado: Esperado };

const RJ: Local = { uf: 'RJ' };
const RIO: Local = { uf: 'RJ', municipio: '3304557' };
const SP: Local = { uf: 'SP' };

const lim = (data: string) => `${data}T23:59:59-03:00`;

const decretado = (data: string, escopo: DiaDecretado['escopo'], extra: Partial<DiaDecretado> = {}): DiaDecretado => ({
  data,
  escopo,
  motivo: 'Ponto facultativo',
  atoLegal: 'Decreto fictício 99.999 (caso de teste)',
  ...extra,
});

const INDEPENDENCIA = 'Feriado nacional — Independência do Brasil (Lei 662/1949, red. Lei 10.607/2002)';
const ZUMBI = 'Feriado nacional — Dia Nacional de Zumbi e da Consciência Negra (Lei 14.759/2023)';

export const casos: Caso[] = [
  // ------------------------------------------------ DOMAIN.md worked examples
  {
    id: 'domain-1',
    descricao: 'Ciência qua 02/09/2026, 5 dias: dia 5 = seg 07/09 (feriado) → ter 08/09',
    tipo: 'calcular',
    entrada: { ciencia: '2026-09-02', dias: 5, local: RJ },
    esperado: {
      vencimento: '2026-09-08',
      limite: '2026-09-08T23:59:59-03:00',
      cienciaEfetiva: '2026-09-02',
      naoUteis: ['2026-09-05', '2026-09-06', '2026-09-07'],
      motivos: { '2026-09-05': 'Sábado', '2026-09-06': 'Domingo', '2026-09-07': INDEPENDENCIA },
    },
  },
  {
    id: 'domain-2',
    descricao: 'Ciência sex 09/10/2026, 3 dias úteis: 12/10 feriado → ter 13 (1), qua 14 (2), qui 15 (3)',
    tipo: 'calcular',
    entrada: { ciencia: '2026-10-09', dias: 3, uteis: true, local: RJ },
    esperado: { vencimento: '2026-10-15', limite: lim('2026-10-15'), naoUteis: ['2026-10-10', '2026-10-11', '2026-10-12'] },
  },
  {
    id: 'domain-3',
    descricao: 'Comunicação sex 09/10/2026, 20 dias do primeiro dia útil seguinte: dia 1 = ter 13/10, dia 20 = dom 01/11, 02/11 feriado → ter 03/11',
    tipo: 'calcular',
    entrada: { ciencia: '2026-10-09', dias: 20, contarDe: 'primeiro-dia-util', local: RJ },
    esperado: {
      vencimento: '2026-11-03',
      limite: lim('2026-11-03'),
      naoUteis: [
        '2026-10-10', '2026-10-11', '2026-10-12', '2026-10-17', '2026-10-18',
        '2026-10-24', '2026-10-25', '2026-10-31', '2026-11-01', '2026-11-02',
      ],
    },
  },

  // ------------------------------------------------ dias corridos
  {
    id: 'carnaval-2026-rj',
    descricao: 'Ciência ter 10/02/2026, 7 dias: dia 7 = ter 17/02, Carnaval (feriado estadual RJ) → qua 18/02 (Cinzas não é feriado)',
    tipo: 'calcular',
    entrada: { ciencia: '2026-02-10', dias: 7, local: RJ },
    esperado: { vencimento: '2026-02-18', naoUteis: ['2026-02-14', '2026-02-15', '2026-02-17'] },
  },
  {
    id: 'carnaval-2026-sp',
    descricao: 'Mesmo prazo em SP: terça de Carnaval não é feriado nacional → ter 17/02',
    tipo: 'calcular',
    entrada: { ciencia: '2026-02-10', dias: 7, local: SP },
    esperado: { vencimento: '2026-02-17', avisoContem: 'Município não informado' },
  },
  {
    id: 'carnaval-2026-indisponibilidade',
    descricao: 'Carnaval RJ + indisponibilidade do sistema na quarta 18/02 (decretada, nacional) → qui 19/02',
    tipo: 'calcular',
    entrada: {
      ciencia: '2026-02-10',
      dias: 7,
      local: RJ,
      diasDecretados: [decretado('2026-02-18', 'nacional', { motivo: 'Indisponibilidade do SEI' })],
    },
    esperado: {
      vencimento: '2026-02-19',
      naoUteis: ['2026-02-14', '2026-02-15', '2026-02-17', '2026-02-18'],
      motivos: { '2026-02-18': 'Indisponibilidade do SEI (Decreto fictício 99.999 (caso de teste))' },
    },
  },
  {
    id: 'pascoa-2026',
    descricao: 'Ciência seg 30/03/2026, 4 dias: dia 4 = sex 03/04 (Paixão) → seg 06/04',
    tipo: 'calcular',
    entrada: { ciencia: '2026-03-30', dias: 4, local: RJ },
    esperado: { vencimento: '2026-04-06', naoUteis: ['2026-04-03', '2026-04-04', '2026-04-05'] },
  },
  {
    id: 'tiradentes-2026',
    descricao: 'Ciência sex 17/04/2026, 4 dias: dia 4 = ter 21/04 (Tiradentes) → qua 22/04',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-17', dias: 4, local: RJ },
    esperado: { vencimento: '2026-04-22', naoUteis: ['2026-04-18', '2026-04-19', '2026-04-21'] },
  },
  {
    id: 'sao-jorge-2026-rj',
    descricao: 'Ciência seg 20/04/2026, 3 dias: dia 3 = qui 23/04 (São Jorge, RJ) → sex 24/04',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-20', dias: 3, local: RJ },
    esperado: {
      vencimento: '2026-04-24',
      naoUteis: ['2026-04-21', '2026-04-23'],
      motivos: { '2026-04-23': 'Feriado estadual (RJ) — Dia de São Jorge (Lei Estadual 5.198/2008)' },
    },
  },
  {
    id: 'sao-jorge-2026-sp',
    descricao: 'Mesmo prazo em SP: 23/04 é dia útil → qui 23/04',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-20', dias: 3, local: SP },
    esperado: { vencimento: '2026-04-23', naoUteis: ['2026-04-21'] },
  },
  {
    id: 'corpus-christi-2026',
    descricao: 'Ciência seg 01/06/2026, 3 dias: qui 04/06 Corpus Christi é ponto facultativo, não feriado → qui 04/06',
    tipo: 'calcular',
    entrada: { ciencia: '2026-06-01', dias: 3, local: RJ },
    esperado: { vencimento: '2026-06-04', naoUteis: [] },
  },
  {
    id: 'corpus-christi-2026-decretado-rj',
    descricao: 'Idem com ponto facultativo decretado pelo RJ em 04/06 → sex 05/06',
    tipo: 'calcular',
    entrada: {
      ciencia: '2026-06-01',
      dias: 3,
      local: RJ,
      diasDecretados: [decretado('2026-06-04', 'uf', { uf: 'RJ', motivo: 'Ponto facultativo — Corpus Christi' })],
    },
    esperado: { vencimento: '2026-06-05', naoUteis: ['2026-06-04'] },
  },
  {
    id: 'corpus-christi-2026-decretado-sp',
    descricao: 'Ponto facultativo decretado por SP não vale no RJ → qui 04/06',
    tipo: 'calcular',
    entrada: {
      ciencia: '2026-06-01',
      dias: 3,
      local: RJ,
      diasDecretados: [decretado('2026-06-04', 'uf', { uf: 'SP', motivo: 'Ponto facultativo — Corpus Christi' })],
    },
    esperado: { vencimento: '2026-06-04', naoUteis: [] },
  },
  {
    id: 'independencia-2027',
    descricao: 'Ciência qui 02/09/2027, 5 dias: dia 5 = ter 07/09 → qua 08/09',
    tipo: 'calcular',
    entrada: { ciencia: '2027-09-02', dias: 5, local: RJ },
    esperado: { vencimento: '2027-09-08', naoUteis: ['2027-09-04', '2027-09-05', '2027-09-07'] },
  },
  {
    id: 'aparecida-2025-domingo',
    descricao: 'Ciência ter 07/10/2025, 5 dias: dia 5 = dom 12/10 (feriado em domingo) → seg 13/10',
    tipo: 'calcular',
    entrada: { ciencia: '2025-10-07', dias: 5, local: RJ },
    esperado: {
      vencimento: '2025-10-13',
      naoUteis: ['2025-10-11', '2025-10-12'],
      motivos: { '2025-10-12': 'Domingo; Feriado nacional — Nossa Senhora Aparecida (Lei 6.802/1980)' },
    },
  },
  {
    id: 'finados-2027',
    descricao: 'Ciência sex 29/10/2027, 4 dias: dia 4 = ter 02/11 (Finados) → qua 03/11',
    tipo: 'calcular',
    entrada: { ciencia: '2027-10-29', dias: 4, local: RJ },
    esperado: { vencimento: '2027-11-03', naoUteis: ['2027-10-30', '2027-10-31', '2027-11-02'] },
  },
  {
    id: 'republica-2027',
    descricao: 'Ciência ter 09/11/2027, 6 dias: dia 6 = seg 15/11 (Proclamação) → ter 16/11',
    tipo: 'calcular',
    entrada: { ciencia: '2027-11-09', dias: 6, local: RJ },
    esperado: { vencimento: '2027-11-16', naoUteis: ['2027-11-13', '2027-11-14', '2027-11-15'] },
  },
  {
    id: 'zumbi-2026',
    descricao: 'Ciência seg 16/11/2026, 4 dias: dia 4 = sex 20/11 (feriado nacional) → seg 23/11',
    tipo: 'calcular',
    entrada: { ciencia: '2026-11-16', dias: 4, local: RJ },
    esperado: { vencimento: '2026-11-23', naoUteis: ['2026-11-20', '2026-11-21', '2026-11-22'], motivos: { '2026-11-20': ZUMBI } },
  },
  {
    id: 'zumbi-2025',
    descricao: 'Ciência ter 18/11/2025, 2 dias: dia 2 = qui 20/11 → sex 21/11',
    tipo: 'calcular',
    entrada: { ciencia: '2025-11-18', dias: 2, local: RJ },
    esperado: { vencimento: '2025-11-21', naoUteis: ['2025-11-20'], motivos: { '2025-11-20': ZUMBI } },
  },
  {
    id: 'zumbi-2023-estadual-rj',
    descricao: 'Ciência qui 16/11/2023, 4 dias: seg 20/11/2023 feriado estadual no RJ (antes da lei nacional) → ter 21/11',
    tipo: 'calcular',
    entrada: { ciencia: '2023-11-16', dias: 4, local: RJ },
    esperado: {
      vencimento: '2023-11-21',
      motivos: { '2023-11-20': 'Feriado estadual (RJ) — Dia de Zumbi dos Palmares e da Consciência Negra (Lei Estadual 4.007/2002)' },
    },
  },
  {
    id: 'natal-ano-novo-2026',
    descricao: 'Ciência ter 22/12/2026, 10 dias: dia 10 = sex 01/01/2027 → seg 04/01/2027',
    tipo: 'calcular',
    entrada: { ciencia: '2026-12-22', dias: 10, local: RJ },
    esperado: {
      vencimento: '2027-01-04',
      limite: lim('2027-01-04'),
      naoUteis: ['2026-12-25', '2026-12-26', '2026-12-27', '2027-01-01', '2027-01-02', '2027-01-03'],
    },
  },
  {
    id: 'natal-2025',
    descricao: 'Ciência qui 18/12/2025, 7 dias: dia 7 = qui 25/12 → sex 26/12',
    tipo: 'calcular',
    entrada: { ciencia: '2025-12-18', dias: 7, local: RJ },
    esperado: { vencimento: '2025-12-26', naoUteis: ['2025-12-20', '2025-12-21', '2025-12-25'] },
  },
  {
    id: 'ano-novo-2026',
    descricao: 'Ciência seg 29/12/2025, 3 dias: dia 3 = qui 01/01/2026 → sex 02/01/2026',
    tipo: 'calcular',
    entrada: { ciencia: '2025-12-29', dias: 3, local: RJ },
    esperado: { vencimento: '2026-01-02', naoUteis: ['2026-01-01'] },
  },
  {
    id: 'sao-sebastiao-2026-rio',
    descricao: 'Município do Rio: ciência sex 16/01/2026, 4 dias: dia 4 = ter 20/01 (São Sebastião) → qua 21/01',
    tipo: 'calcular',
    entrada: { ciencia: '2026-01-16', dias: 4, local: RIO },
    esperado: {
      vencimento: '2026-01-21',
      naoUteis: ['2026-01-17', '2026-01-18', '2026-01-20'],
      motivos: { '2026-01-20': 'Feriado municipal (Rio de Janeiro/RJ) — Dia de São Sebastião (Lei Municipal 1.271/1988)' },
    },
  },
  {
    id: 'sao-sebastiao-2026-sem-municipio',
    descricao: 'Mesmo prazo sem município: 20/01 é dia útil no estado → ter 20/01',
    tipo: 'calcular',
    entrada: { ciencia: '2026-01-16', dias: 4, local: RJ },
    esperado: { vencimento: '2026-01-20', avisoContem: 'Município não informado' },
  },
  {
    id: 'sao-sebastiao-2026-niteroi',
    descricao: 'Niterói (3303302): sem feriados municipais cadastrados → ter 20/01, com aviso',
    tipo: 'calcular',
    entrada: { ciencia: '2026-01-16', dias: 4, local: { uf: 'RJ', municipio: '3303302' } },
    esperado: { vencimento: '2026-01-20', avisoContem: 'município 3303302' },
  },
  {
    id: 'ciencia-sabado',
    descricao: 'Ciência sáb 05/09/2026 conta na ter 08/09 (dom, seg feriado; regra 7); 5 dias: dia 5 = dom 13/09 → seg 14/09',
    tipo: 'calcular',
    entrada: { ciencia: '2026-09-05', dias: 5, local: RJ },
    esperado: {
      vencimento: '2026-09-14',
      cienciaEfetiva: '2026-09-08',
      naoUteis: ['2026-09-05', '2026-09-06', '2026-09-07', '2026-09-12', '2026-09-13'],
    },
  },
  {
    id: 'ciencia-feriado-uteis',
    descricao: 'Ciência qua 21/04/2027 (Tiradentes) conta na qui 22/04; 2 dias úteis: sex 23 São Jorge → seg 26 (1), ter 27 (2)',
    tipo: 'calcular',
    entrada: { ciencia: '2027-04-21', dias: 2, uteis: true, local: RJ },
    esperado: {
      vencimento: '2027-04-27',
      cienciaEfetiva: '2027-04-22',
      naoUteis: ['2027-04-21', '2027-04-23', '2027-04-24', '2027-04-25'],
    },
  },
  {
    id: 'um-dia',
    descricao: 'Ciência sex 29/05/2026, 1 dia: sáb 30/05 → seg 01/06',
    tipo: 'calcular',
    entrada: { ciencia: '2026-05-29', dias: 1, local: RJ },
    esperado: { vencimento: '2026-06-01', naoUteis: ['2026-05-30', '2026-05-31'] },
  },
  {
    id: 'relatorio-anual-pendencias-30',
    descricao: 'Pendências do Relatório Anual, 30 dias da ciência sex 29/05/2026: dia 30 = dom 28/06 → seg 29/06 (Corpus Christi contado como dia útil)',
    tipo: 'calcular',
    entrada: { ciencia: '2026-05-29', dias: 30, local: RJ },
    esperado: { vencimento: '2026-06-29' },
  },
  {
    id: 'improrrogavel-10-semana-santa-2025',
    descricao: 'Exigências de forma, 10 dias da ciência qua 16/04/2025 (atravessa Paixão, Tiradentes, São Jorge): dia 10 = sáb 26/04 → seg 28/04',
    tipo: 'calcular',
    entrada: { ciencia: '2025-04-16', dias: 10, local: RJ },
    esperado: {
      vencimento: '2025-04-28',
      naoUteis: ['2025-04-18', '2025-04-19', '2025-04-20', '2025-04-21', '2025-04-23', '2025-04-26', '2025-04-27'],
    },
  },
  {
    id: 'reconsideracao-carnaval-2027',
    descricao: 'Comunicação seg 08/02/2027, 20 dias do primeiro dia útil seguinte: ter 09/02 Carnaval → dia 1 = qua 10/02; dia 20 = seg 01/03',
    tipo: 'calcular',
    entrada: { ciencia: '2027-02-08', dias: 20, contarDe: 'primeiro-dia-util', local: RJ },
    esperado: { vencimento: '2027-03-01' },
  },
  {
    id: 'reconsideracao-pascoa-2026',
    descricao: 'Comunicação qui 02/04/2026, 20 dias do primeiro dia útil seguinte: sex 03/04 Paixão → dia 1 = seg 06/04; dia 20 = sáb 25/04 → seg 27/04',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-02', dias: 20, contarDe: 'primeiro-dia-util', local: RJ },
    esperado: { vencimento: '2026-04-27' },
  },
  {
    id: 'reconsideracao-comunicacao-sabado',
    descricao:
      'Comunicação sáb 01/08/2026: considerada feita na seg 03/08 (regra 7); primeiro dia útil seguinte = ter 04/08 (dia 1); 10 dias → qui 13/08',
    tipo: 'calcular',
    entrada: { ciencia: '2026-08-01', dias: 10, contarDe: 'primeiro-dia-util', local: RJ },
    esperado: { vencimento: '2026-08-13', cienciaEfetiva: '2026-08-03', naoUteis: ['2026-08-01', '2026-08-02', '2026-08-08', '2026-08-09'] },
  },
  {
    id: 'reconsideracao-dia-seguinte-comparacao',
    descricao: 'Mesma comunicação qui 02/04/2026 contando do dia seguinte: dia 1 = sex 03/04, dia 20 = qua 22/04',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-02', dias: 20, local: RJ },
    esperado: { vencimento: '2026-04-22' },
  },

  // ------------------------------------------------ dias úteis
  {
    id: 'estudo-tecnico-10-uteis-rj',
    descricao: 'Estudo Técnico, 10 dias úteis da ciência sex 17/04/2026 no RJ (Tiradentes, São Jorge, 1º de maio) → qua 06/05',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-17', dias: 10, uteis: true, local: RJ },
    esperado: {
      vencimento: '2026-05-06',
      naoUteis: ['2026-04-18', '2026-04-19', '2026-04-21', '2026-04-23', '2026-04-25', '2026-04-26', '2026-05-01', '2026-05-02', '2026-05-03'],
    },
  },
  {
    id: 'estudo-tecnico-10-uteis-sp',
    descricao: 'Mesmo prazo em SP (sem São Jorge) → ter 05/05',
    tipo: 'calcular',
    entrada: { ciencia: '2026-04-17', dias: 10, uteis: true, local: SP },
    esperado: { vencimento: '2026-05-05' },
  },
  {
    id: 'sei-cadastro-5-uteis-natal',
    descricao: 'Cadastro SEI, 5 dias úteis de qua 24/12/2025: Natal, 1º/01 → sex 26 (1), seg 29 (2), ter 30 (3), qua 31 (4), sex 02/01/2026 (5)',
    tipo: 'calcular',
    entrada: { ciencia: '2025-12-24', dias: 5, uteis: true, local: RJ },
    esperado: { vencimento: '2026-01-02', naoUteis: ['2025-12-25', '2025-12-27', '2025-12-28', '2026-01-01'] },
  },
  {
    id: 'uteis-carnaval-2025',
    descricao: '10 dias úteis da ciência sex 21/02/2025 no RJ: ter 04/03 Carnaval pulado → seg 10/03',
    tipo: 'calcular',
    entrada: { ciencia: '2025-02-21', dias: 10, uteis: true, local: RJ },
    esperado: { vencimento: '2025-03-10', naoUteis: ['2025-02-22', '2025-02-23', '2025-03-01', '2025-03-02', '2025-03-04', '2025-03-08', '2025-03-09'] },
  },
  {
    id: 'uteis-decretado-unidade',
    descricao: '3 dias úteis da ciência seg 03/08/2026 na COOIE com expediente suspenso qua 05/08 → sex 07/08',
    tipo: 'calcular',
    entrada: {
      ciencia: '2026-08-03',
      dias: 3,
      uteis: true,
      local: { uf: 'RJ', unidade: 'COOIE-METROPOLITANA-I' },
      diasDecretados: [decretado('2026-08-05', 'unidade', { unidade: 'COOIE-METROPOLITANA-I', motivo: 'Suspensão do expediente' })],
    },
    esperado: { vencimento: '2026-08-07', naoUteis: ['2026-08-05'] },
  },
  {
    id: 'uteis-decretado-outra-unidade',
    descricao: 'Suspensão em outra unidade não conta → qui 06/08',
    tipo: 'calcular',
    entrada: {
      ciencia: '2026-08-03',
      dias: 3,
      uteis: true,
      local: { uf: 'RJ', unidade: 'COOIE-NORTE' },
      diasDecretados: [decretado('2026-08-05', 'unidade', { unidade: 'COOIE-METROPOLITANA-I', motivo: 'Suspensão do expediente' })],
    },
    esperado: { vencimento: '2026-08-06', naoUteis: [] },
  },
  {
    id: 'sessenta-dias',
    descricao: 'Ciência seg 05/10/2026, 60 dias: dia 60 = sex 04/12',
    tipo: 'calcular',
    entrada: { ciencia: '2026-10-05', dias: 60, local: RJ },
    esperado: { vencimento: '2026-12-04' },
  },
  {
    id: 'virada-2027-2028',
    descricao: 'Ciência qui 23/12/2027, 9 dias: dia 9 = sáb 01/01/2028 → seg 03/01/2028',
    tipo: 'calcular',
    entrada: { ciencia: '2027-12-23', dias: 9, local: RJ },
    esperado: {
      vencimento: '2028-01-03',
      naoUteis: ['2027-12-25', '2027-12-26', '2028-01-01', '2028-01-02'],
      motivos: { '2027-12-25': 'Sábado; Feriado nacional — Natal (Lei 662/1949, red. Lei 10.607/2002)' },
    },
  },
  {
    id: 'uteis-virada-2027-2028',
    descricao: '3 dias úteis da ciência qua 29/12/2027: qui 30 (1), sex 31 (2), seg 03/01/2028 (3)',
    tipo: 'calcular',
    entrada: { ciencia: '2027-12-29', dias: 3, uteis: true, local: RJ },
    esperado: { vencimento: '2028-01-03' },
  },

  // ------------------------------------------------ prorrogações
  {
    id: 'prorrogacao-20',
    descricao: 'Vencimento ter 22/09/2026, +20 dias: dia 20 = seg 12/10 (feriado) → ter 13/10',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-09-20T10:00:00-03:00', local: RJ },
    esperado: {
      concedida: true,
      vencimento: '2026-10-13',
      limite: lim('2026-10-13'),
      naoUteis: ['2026-09-26', '2026-09-27', '2026-10-03', '2026-10-04', '2026-10-10', '2026-10-11', '2026-10-12'],
    },
  },
  {
    id: 'prorrogacao-ja-prorrogado',
    descricao: 'Segunda prorrogação é recusada',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: true, pedidoEm: '2026-09-20T10:00:00-03:00', local: RJ },
    esperado: { concedida: false, vencimento: '2026-09-22', motivoContem: 'já foi prorrogado' },
  },
  {
    id: 'prorrogacao-improrrogavel',
    descricao: 'Prazo improrrogável: recusa',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-09-22', dias: 10, prorrogavel: false, jaProrrogado: false, pedidoEm: '2026-09-20T10:00:00-03:00', local: RJ },
    esperado: { concedida: false, vencimento: '2026-09-22', motivoContem: 'improrrogável' },
  },
  {
    id: 'prorrogacao-pedido-tardio',
    descricao: 'Pedido às 00:00:00 do dia seguinte ao vencimento: recusa',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-09-23T00:00:00-03:00', local: RJ },
    esperado: { concedida: false, vencimento: '2026-09-22', motivoContem: 'depois do fim do prazo' },
  },
  {
    id: 'prorrogacao-pedido-ultimo-segundo',
    descricao: 'Pedido às 23:59:59 do vencimento (02:59:59Z): concedida',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-09-23T02:59:59Z', local: RJ },
    esperado: { concedida: true, vencimento: '2026-10-13' },
  },
  {
    id: 'prorrogacao-pedido-03z',
    descricao: 'Pedido às 03:00:00Z do dia seguinte (00:00:00 em Brasília): recusa',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-09-23T03:00:00Z', local: RJ },
    esperado: { concedida: false, vencimento: '2026-09-22', motivoContem: 'depois do fim do prazo' },
  },
  {
    id: 'prorrogacao-vencimento-nao-ajustado',
    descricao: 'Vencimento informado dom 01/11/2026 ajusta-se para ter 03/11 (02/11 Finados); +20 dias: dia 20 = seg 23/11',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-11-01', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-11-03T12:00:00-03:00', local: RJ },
    esperado: { concedida: true, vencimento: '2026-11-23' },
  },
  {
    id: 'prorrogacao-uteis',
    descricao: 'Vencimento qua 06/05/2026, +10 dias úteis: qui 07 (1) … qua 20/05 (10)',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-05-06', dias: 10, uteis: true, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-05-05T09:00:00-03:00', local: RJ },
    esperado: { concedida: true, vencimento: '2026-05-20' },
  },
  {
    id: 'prorrogacao-natal',
    descricao: 'Vencimento sex 04/12/2026, +21 dias: dia 21 = sex 25/12 → seg 28/12',
    tipo: 'prorrogar',
    entrada: { vencimento: '2026-12-04', dias: 21, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-12-01T09:00:00-03:00', local: RJ },
    esperado: { concedida: true, vencimento: '2026-12-28' },
  },
  {
    id: 'prorrogacao-carnaval-2027-rj',
    descricao: 'Vencimento qua 20/01/2027 (RJ, sem município), +20 dias: dia 20 = ter 09/02 (Carnaval) → qua 10/02',
    tipo: 'prorrogar',
    entrada: { vencimento: '2027-01-20', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2027-01-19T09:00:00-03:00', local: RJ },
    esperado: { concedida: true, vencimento: '2027-02-10' },
  },
  {
    id: 'prorrogacao-carnaval-2027-rio',
    descricao: 'Mesmo pedido no município do Rio: 20/01 (São Sebastião) ajusta-se para qui 21/01; dia 20 = qua 10/02',
    tipo: 'prorrogar',
    entrada: { vencimento: '2027-01-20', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2027-01-19T09:00:00-03:00', local: RIO },
    esperado: { concedida: true, vencimento: '2027-02-10' },
  },

  // ------------------------------------------------ ciência tácita
  {
    id: 'ciencia-expressa',
    descricao: 'Envio ter 01/09/2026, aberta qui 03/09 10:00: ciência expressa em 03/09',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-01', abertaEm: '2026-09-03T10:00:00-03:00', local: RJ },
    esperado: { ciencia: '2026-09-03', tacita: false, vencimento: '2026-09-11' },
  },
  {
    id: 'ciencia-tacita-dia-util',
    descricao: 'Envio ter 01/09/2026 sem abertura: tácita sex 11/09',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-01', local: RJ },
    esperado: { ciencia: '2026-09-11', tacita: true, vencimento: '2026-09-11', limite: lim('2026-09-11'), naoUteis: ['2026-09-05', '2026-09-06', '2026-09-07'] },
  },
  {
    id: 'ciencia-tacita-sabado',
    descricao: 'Envio qua 02/09/2026: +10 = sáb 12/09 → seg 14/09',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-02', local: RJ },
    esperado: { ciencia: '2026-09-14', tacita: true },
  },
  {
    id: 'ciencia-tacita-aparecida',
    descricao: 'Envio sex 02/10/2026: +10 = seg 12/10 (feriado) → ter 13/10',
    tipo: 'ciencia',
    entrada: { envio: '2026-10-02', local: RJ },
    esperado: { ciencia: '2026-10-13', tacita: true },
  },
  {
    id: 'ciencia-tacita-zumbi',
    descricao: 'Envio ter 10/11/2026: +10 = sex 20/11 (feriado) → seg 23/11',
    tipo: 'ciencia',
    entrada: { envio: '2026-11-10', local: RJ },
    esperado: { ciencia: '2026-11-23', tacita: true },
  },
  {
    id: 'ciencia-aberta-sabado',
    descricao: 'Envio ter 01/09/2026, aberta sáb 05/09: conta na ter 08/09 (seg 07/09 feriado)',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-01', abertaEm: '2026-09-05T09:00:00-03:00', local: RJ },
    esperado: { ciencia: '2026-09-08', tacita: false },
  },
  {
    id: 'ciencia-aberta-depois',
    descricao: 'Envio ter 01/09/2026, aberta só em 15/09: prevalece a tácita de 11/09',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-01', abertaEm: '2026-09-15T08:00:00-03:00', local: RJ },
    esperado: { ciencia: '2026-09-11', tacita: true },
  },
  {
    id: 'ciencia-aberta-utc',
    descricao: 'Aberta em 2026-09-04T02:30:00Z = qui 03/09 23:30 em Brasília: ciência 03/09',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-01', abertaEm: '2026-09-04T02:30:00Z', local: RJ },
    esperado: { ciencia: '2026-09-03', tacita: false },
  },
  {
    id: 'ciencia-tacita-ano-novo',
    descricao: 'Envio ter 22/12/2026: +10 = sex 01/01/2027 → seg 04/01/2027',
    tipo: 'ciencia',
    entrada: { envio: '2026-12-22', local: RJ },
    esperado: { ciencia: '2027-01-04', tacita: true },
  },
  {
    id: 'ciencia-envio-instante',
    descricao: 'Envio 2026-09-02T01:00:00Z = ter 01/09 22:00 em Brasília: tácita sex 11/09',
    tipo: 'ciencia',
    entrada: { envio: '2026-09-02T01:00:00Z', local: RJ },
    esperado: { ciencia: '2026-09-11', tacita: true },
  },

  // ------------------------------------------------ visita
  {
    id: 'visita-independencia',
    descricao: 'Aviso qua 02/09/2026: +5 = seg 07/09 (feriado) → ter 08/09',
    tipo: 'visita',
    entrada: { aviso: '2026-09-02', local: RJ },
    esperado: { data: '2026-09-08', naoUteis: ['2026-09-05', '2026-09-06', '2026-09-07'] },
  },
  {
    id: 'visita-sabado',
    descricao: 'Aviso seg 03/08/2026: +5 = sáb 08/08 → seg 10/08',
    tipo: 'visita',
    entrada: { aviso: '2026-08-03', local: RJ },
    esperado: { data: '2026-08-10' },
  },
  {
    id: 'visita-primeiro-de-maio',
    descricao: 'Aviso ter 28/04/2026: +5 = dom 03/05 → seg 04/05 (1º de maio só atravessado)',
    tipo: 'visita',
    entrada: { aviso: '2026-04-28', local: RJ },
    esperado: { data: '2026-05-04' },
  },
  {
    id: 'visita-tiradentes',
    descricao: 'Aviso qui 16/04/2026: +5 = ter 21/04 → qua 22/04',
    tipo: 'visita',
    entrada: { aviso: '2026-04-16', local: RJ },
    esperado: { data: '2026-04-22' },
  },
  {
    id: 'visita-sao-jorge',
    descricao: 'Aviso sáb 18/04/2026: +5 = qui 23/04 (São Jorge) → sex 24/04',
    tipo: 'visita',
    entrada: { aviso: '2026-04-18', local: RJ },
    esperado: { data: '2026-04-24' },
  },
  {
    id: 'visita-segunda-carnaval',
    descricao: 'Aviso qua 03/02/2027: +5 = seg 08/02/2027 (segunda de Carnaval não é feriado) → 08/02',
    tipo: 'visita',
    entrada: { aviso: '2027-02-03', local: RJ },
    esperado: { data: '2027-02-08' },
  },
  {
    id: 'visita-segunda-carnaval-decretada',
    descricao: 'Idem com ponto facultativo decretado no RJ em 08/02/2027: ter 09/02 Carnaval → qua 10/02',
    tipo: 'visita',
    entrada: {
      aviso: '2027-02-03',
      local: RJ,
      diasDecretados: [decretado('2027-02-08', 'uf', { uf: 'RJ', motivo: 'Ponto facultativo — Carnaval' })],
    },
    esperado: { data: '2027-02-10', naoUteis: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'] },
  },
  {
    id: 'visita-sao-sebastiao-rio',
    descricao: 'Município do Rio, aviso qui 15/01/2026: +5 = ter 20/01 (São Sebastião) → qua 21/01',
    tipo: 'visita',
    entrada: { aviso: '2026-01-15', local: RIO },
    esperado: { data: '2026-01-21' },
  },

  // ------------------------------------------------ tempestividade
  {
    id: 'tempestivo-0259z',
    descricao: '02:59:59Z do dia seguinte = 23:59:59 em Brasília: tempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-09T02:59:59Z' },
    esperado: { tempestivo: true, vencimento: '2026-09-08', limite: lim('2026-09-08') },
  },
  {
    id: 'tempestivo-0300z',
    descricao: '03:00:00Z do dia seguinte = 00:00:00 em Brasília: intempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-09T03:00:00Z' },
    esperado: { tempestivo: false },
  },
  {
    id: 'tempestivo-235959',
    descricao: '23:59:59-03:00 do último dia: tempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-08T23:59:59-03:00' },
    esperado: { tempestivo: true },
  },
  {
    id: 'tempestivo-meia-noite',
    descricao: '00:00:00-03:00 do dia seguinte: intempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-09T00:00:00-03:00' },
    esperado: { tempestivo: false },
  },
  {
    id: 'tempestivo-manaus',
    descricao: 'Enviado de Manaus às 22:59:59-04:00 = 23:59:59 em Brasília: tempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-08T22:59:59-04:00' },
    esperado: { tempestivo: true },
  },
  {
    id: 'intempestivo-manaus',
    descricao: 'Enviado de Manaus às 23:30-04:00 = 00:30 do dia seguinte em Brasília: intempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-08T23:30:00-04:00' },
    esperado: { tempestivo: false },
  },
  {
    id: 'tempestivo-lisboa',
    descricao: 'Enviado de Lisboa às 03:59:59+01:00 do dia seguinte = 23:59:59 em Brasília: tempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-09T03:59:59+01:00' },
    esperado: { tempestivo: true },
  },
  {
    id: 'tempestivo-antecipado',
    descricao: 'Ato um dia antes do vencimento: tempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-07T10:00:00-03:00' },
    esperado: { tempestivo: true },
  },
  {
    id: 'tempestivo-milissegundos',
    descricao: '23:59:59.999 ainda é o segundo 23:59:59: tempestivo',
    tipo: 'tempestivo',
    entrada: { vencimento: '2026-09-08', em: '2026-09-08T23:59:59.999-03:00' },
    esperado: { tempestivo: true },
  },
];
