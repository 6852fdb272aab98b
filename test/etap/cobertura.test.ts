/**
 * Coverage of the opening hours by the Quadro da ETAP (seed 003, Instrução
 * Processual ETAP, alínea d: "durante todo o horário de funcionamento, pelo
 * menos um dos membros da ETAP esteja presente na instituição de ensino (§ 4º
 * do artigo 14)") and the Coordenador Técnico's hours (seed 003, Fluxo para o
 * cadastramento ETAP, item 3: "coerente com o horário de oferta do curso … e
 * ainda com o horário informado no CRT, no caso de Coordenador Técnico do
 * Curso de Enfermagem").
 */
import { describe, expect, it } from 'vitest';
import {
  conferirHorarioCoordenadorTecnico,
  explicarCobertura,
  horarioSchema,
  lacunasDeCobertura,
  quadroEtapSchema,
  type DiaSemana,
  type Horario,
  type QuadroEtap,
} from '../../rules/etap/cobertura';

const UTEIS: DiaSemana[] = ['segunda', 'terca', 'quarta', 'quinta', 'sexta'];
const dias = (ds: DiaSemana[], inicio: string, fim: string): Horario[] => ds.map((dia) => ({ dia, inicio, fim }));

// The institution opens Monday–Friday 07:00–22:00 (three turnos) and Saturday 08:00–12:00.
const FUNCIONAMENTO: Horario[] = [...dias(UTEIS, '07:00', '12:00'), ...dias(UTEIS, '12:00', '22:00'), { dia: 'sabado', inicio: '08:00', fim: '12:00' }];

const quadro = (coordenadorQuarta: Horario[]): QuadroEtap => ({
  membros: [
    { nome: 'Ana Diretora', funcao: 'diretor', horarios: dias(UTEIS, '07:00', '13:00') },
    { nome: 'Bruno Secretário', funcao: 'secretario-escolar', horarios: dias(UTEIS, '12:00', '18:00') },
    {
      nome: 'Carla Coordenadora',
      funcao: 'coordenador-pedagogico',
      horarios: [...dias(['segunda', 'terca', 'quinta', 'sexta'], '17:00', '22:00'), ...coordenadorQuarta],
    },
    { nome: 'Davi Substituto', funcao: 'diretor-substituto', horarios: [{ dia: 'sabado', inicio: '08:00', fim: '12:00' }] },
  ],
});

describe('§ 4º do art. 14: todo o horário de funcionamento com um membro da ETAP presente', () => {
  it('Quadro com lacuna na quarta-feira à noite: das 19:00 às 22:00 ninguém da ETAP', () => {
    // Wednesday: Ana 07–13, Bruno 12–18, Carla only 17–19 → covered 07–19; the school is open until 22:00.
    const lacunas = lacunasDeCobertura(quadro([{ dia: 'quarta', inicio: '17:00', fim: '19:00' }]), FUNCIONAMENTO);
    expect(lacunas).toEqual([{ dia: 'quarta', inicio: '19:00', fim: '22:00', descricao: 'quarta-feira, das 19:00 às 22:00: nenhum membro da ETAP presente' }]);
    expect(explicarCobertura(lacunas)).toBe(
      'Sem membro da ETAP presente em um intervalo do horário de funcionamento (Deliberação CEE nº 388/2020, art. 14, § 4º): quarta-feira, das 19:00 às 22:00.',
    );
  });

  it('o mesmo Quadro com a Coordenadora até 22:00 na quarta cobre tudo (presenças que se encostam contam como contínuas)', () => {
    const lacunas = lacunasDeCobertura(quadro([{ dia: 'quarta', inicio: '17:00', fim: '19:00' }, { dia: 'quarta', inicio: '19:00', fim: '22:00' }]), FUNCIONAMENTO);
    expect(lacunas).toEqual([]);
    expect(explicarCobertura(lacunas)).toBe('Todo o horário de funcionamento tem ao menos um membro da ETAP presente (Deliberação CEE nº 388/2020, art. 14, § 4º).');
  });

  it('várias lacunas: unidas e ordenadas de segunda a domingo, depois pela hora', () => {
    const q: QuadroEtap = {
      membros: [
        // Two overlapping rows of the same person merge; the gap 12:00–13:00 on Monday stays.
        { nome: 'Ana', funcao: 'diretor', horarios: [{ dia: 'segunda', inicio: '07:00', fim: '10:00' }, { dia: 'segunda', inicio: '09:00', fim: '12:00' }] },
        { nome: 'Bruno', funcao: 'secretario-escolar', horarios: [{ dia: 'segunda', inicio: '13:00', fim: '17:00' }, { dia: 'sabado', inicio: '09:00', fim: '11:00' }] },
      ],
    };
    const funcionamento: Horario[] = [
      { dia: 'sabado', inicio: '08:00', fim: '12:00' },
      { dia: 'segunda', inicio: '07:00', fim: '18:00' },
      { dia: 'domingo', inicio: '08:00', fim: '10:00' },
    ];
    expect(lacunasDeCobertura(q, funcionamento).map(({ dia, inicio, fim }) => `${dia} ${inicio}-${fim}`)).toEqual([
      'segunda 12:00-13:00',
      'segunda 17:00-18:00',
      'sabado 08:00-09:00',
      'sabado 11:00-12:00',
      'domingo 08:00-10:00',
    ]);
  });

  it('presença fora do horário de funcionamento não conta nem gera lacuna; fechamento à meia-noite (24:00)', () => {
    const q: QuadroEtap = { membros: [{ nome: 'Ana', funcao: 'diretor', horarios: [{ dia: 'sexta', inicio: '06:00', fim: '23:00' }] }] };
    expect(lacunasDeCobertura(q, [{ dia: 'sexta', inicio: '07:00', fim: '24:00' }]).map((l) => l.descricao)).toEqual([
      'sexta-feira, das 23:00 às 24:00: nenhum membro da ETAP presente',
    ]);
  });
});

describe('Coordenador Técnico: horário do curso e, na Enfermagem, do CRT', () => {
  const curso = dias(UTEIS, '18:00', '22:00');

  it('dentro do horário do curso: conforme', () => {
    const r = conferirHorarioCoordenadorTecnico({ coordenador: dias(['segunda', 'quarta'], '18:00', '22:00'), curso });
    expect(r.conforme).toBe(true);
    expect(r.problemas).toEqual([]);
  });

  it('começa antes do curso na terça: a parte fora é apontada', () => {
    const r = conferirHorarioCoordenadorTecnico({ coordenador: [{ dia: 'terca', inicio: '16:00', fim: '22:00' }], curso });
    expect(r.conforme).toBe(false);
    expect(r.foraDoCurso).toEqual([{ dia: 'terca', inicio: '16:00', fim: '18:00' }]);
    expect(r.problemas).toEqual(['Horário do Coordenador Técnico fora do horário de oferta do curso: terça-feira, das 16:00 às 18:00.']);
  });

  it('Técnico em Enfermagem: fora do horário do CRT é apontado; sem o horário do CRT não há conferência', () => {
    const coordenador = dias(['segunda', 'quinta'], '18:00', '22:00');
    const crt = [...dias(['segunda'], '18:00', '22:00'), { dia: 'quinta' as const, inicio: '18:00', fim: '21:00' }];
    const r = conferirHorarioCoordenadorTecnico({ coordenador, curso, enfermagem: true, horariosCrt: crt });
    expect(r.conforme).toBe(false);
    expect(r.foraDoCurso).toEqual([]);
    expect(r.foraDoCrt).toEqual([{ dia: 'quinta', inicio: '21:00', fim: '22:00' }]);
    const sem = conferirHorarioCoordenadorTecnico({ coordenador, curso, enfermagem: true });
    expect(sem.problemas).toEqual(['Curso Técnico em Enfermagem: o horário informado no CRT não foi apresentado para a conferência.']);
    expect(conferirHorarioCoordenadorTecnico({ coordenador, curso, enfermagem: true, horariosCrt: curso }).conforme).toBe(true);
  });

  it('sem horário no Quadro não está conforme', () => {
    expect(conferirHorarioCoordenadorTecnico({ coordenador: [], curso }).problemas).toEqual(['O Coordenador Técnico não tem horário no Quadro da ETAP.']);
  });
});

describe('entrada validada', () => {
  it('recusa fim antes do início, hora inválida e dia desconhecido, com o campo', () => {
    const erros = (v: unknown) => horarioSchema.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(erros({ dia: 'quarta', inicio: '22:00', fim: '07:00' })).toEqual([['fim', expect.stringMatching(/^o fim deve ser depois do início/)]]);
    expect(erros({ dia: 'quarta', inicio: '7:00', fim: '25:00' })?.map((e) => e[0])).toEqual(['inicio', 'fim']);
    expect(erros({ dia: 'qua', inicio: '07:00', fim: '08:00' })?.[0]).toEqual(['dia', expect.stringMatching(/^dia da semana inválido/)]);
    expect(quadroEtapSchema.safeParse({ membros: [] }).error?.issues[0].message).toBe('o Quadro da ETAP deve ter ao menos um membro');
  });
});
