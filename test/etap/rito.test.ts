/**
 * Every path of the ETAP's cadastramento (seed 003, "Fluxo para o cadastramento
 * ETAP") on the time-skipping server, with real activities on PostgreSQL: the
 * rite is a definition (rules/etap/rito.ts) and a few hooks on the same engine as
 * the vistoria. Scenarios run in calendar order, in 2037 (Easter 05/04, so
 * Carnaval 16–17/02: no holiday in March in Rio de Janeiro).
 */
import '../support/temporal-log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etapDaInstituicao } from '../../db/etap';
import { CHECKLIST_ETAP } from '../../rules/etap/checklist';
import type { EstadoEtap } from '../../workflows/etap/definitions';
import { ProcessoNoRito } from '../support/processo-rito';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { brt, coogie, criarContas, inspetor, representante } from '../vistoria/support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

const semana = (inicio: string, fim: string) => (['segunda', 'terca', 'quarta', 'quinta', 'sexta'] as const).map((dia) => ({ dia, inicio, fim }));
// The three functions every ETAP has (Del. CEE 388/2020 art. 14 I and III), each with a formation its alínea accepts.
const diretor = {
  nome: 'Paulo Henrique Tavares',
  cpf: '111.444.777-35',
  funcao: 'diretor',
  desde: '2037-04-01',
  substitui: 'Sônia Maria Freitas',
  // I a: Licenciatura Plena em Pedagogia.
  formacoes: [{ tipo: 'licenciatura', area: 'Pedagogia', instituicao: 'Universidade Federal Fluminense', tipoInstituicao: 'ies-credenciada', conclusao: '2010-12-15' }],
  horarios: semana('07:00', '13:00'),
};
const substituta = {
  nome: 'Clara Moura Reis',
  cpf: '529.982.247-25',
  funcao: 'diretor-substituto',
  desde: '2037-04-01',
  // I b: pós-graduação lato sensu em Gestão Escolar, 360 horas, em IES credenciada.
  formacoes: [{ tipo: 'pos-lato-sensu', area: 'Gestão Escolar', cargaHoraria: 360, instituicao: 'UERJ', tipoInstituicao: 'ies-credenciada', conclusao: '2015-07-01' }],
  horarios: semana('10:00', '13:00'),
};
const secretario = {
  nome: 'Renata Lopes Dias',
  cpf: '390.533.447-05',
  funcao: 'secretario-escolar',
  desde: '2037-04-01',
  // III a: Curso Técnico em Secretaria Escolar.
  formacoes: [{ tipo: 'curso-tecnico', area: 'Secretaria Escolar', instituicao: 'FAETEC', conclusao: '2012-12-10' }],
  horarios: semana('07:00', '11:00'),
};
const requerimento = {
  membros: [diretor, substituta, secretario],
  horarioFuncionamento: semana('07:00', '13:00'),
  matriculasAtivas: 180,
  atoAnterior: 'Publicação no DOERJ de 12/03/2024, página 31',
};
/** The checklist applied whole: conditional items not applying, `naoConformes` found wanting. */
const checklist = (naoConformes: string[] = []) =>
  CHECKLIST_ETAP.map((i) => ({ codigo: i.codigo, situacao: naoConformes.includes(i.codigo) ? 'nao-conforme' : i.condicao ? 'nao-se-aplica' : 'conforme' }));

type ProcessoEtap = ProcessoNoRito<EstadoEtap>;
const abrir = (quando: string): Promise<ProcessoEtap> => ProcessoNoRito.abrir<EstadoEtap>(w, 'cadastro-etap', quando);

/** Request, autuação and the COOGIE's answer with no member penalised. */
async function ateAnalise(p: ProcessoEtap, dia: string) {
  await p.agir('apresentar-requerimento', representante, requerimento, `${dia}T09:00:00`);
  await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, `${dia}T10:00:00`);
  await p.agir('consultar-coogie', inspetor, {}, `${dia}T10:05:00`);
  await p.agir('responder-consulta', coogie, { apenados: [], resposta: 'Consultados os registros: nenhum dos membros foi apenado nos termos da Lei Estadual nº 6.533/2013.' }, `${dia}T11:00:00`);
}

const documento = (id: string) => w.db.selectFrom('documento').select(['html', 'identificacao', 'tipo']).where('id', '=', id).executeTakeFirstOrThrow();

describe('rito de cadastramento da ETAP', () => {
  it('with no exigência: request, autuação, COOGIE consulted, checklist conforme, edital published; the edital names the members', async () => {
    const p = await abrir(brt('2037-03-02T08:00:00'));
    expect((await p.estado()).fase).toBe('requerimento');
    expect(await p.recusa('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-03-02T08:30:00')).toMatch(/não é admitida/);
    await p.agir('apresentar-requerimento', representante, requerimento, '2037-03-02T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-03-02T10:00:00');
    // Seed 003, Fluxo 3: "Deverá ser realizada pesquisa junto a COOGIE" before the cadastramento.
    expect(await p.recusa('aprovar-cadastramento', inspetor, { checklist: checklist() }, '2037-03-02T10:01:00')).toMatch(/pesquisa junto à COOGIE/);
    await p.agir('consultar-coogie', inspetor, {}, '2037-03-02T10:05:00');
    expect((await p.estado()).fase).toBe('consulta-coogie');
    await p.agir('responder-consulta', coogie, { apenados: [], resposta: 'Consultados os registros: nenhum dos membros foi apenado nos termos da Lei Estadual nº 6.533/2013.' }, '2037-03-02T11:00:00');
    expect(await p.recusa('aprovar-cadastramento', inspetor, { checklist: checklist().slice(1) }, '2037-03-02T11:30:00')).toMatch(/faltam: "requerimento-inicial" \(alínea a\)/);
    const aprovado = await p.agir('aprovar-cadastramento', inspetor, { checklist: checklist() }, '2037-03-02T11:30:00');
    expect(aprovado.fase).toBe('edital');
    expect(await p.recusa('publicar-edital', coogie, { publicacao: { data: '2037-03-09', pagina: 12 } }, '2037-03-03T10:00:00')).toMatch(/antes de ocorrer/);
    await w.saltarAte(brt('2037-03-09T10:00:00'));
    const publicado = await p.agir('publicar-edital', coogie, { publicacao: { data: '2037-03-09', pagina: 12 } }, '2037-03-09T10:00:00');
    expect(publicado.fase).toBe('cadastrado');
    expect(publicado.documentos.map((d) => d.tipo)).toEqual(['edital-cadastramento-etap']);
    const edital = await documento(publicado.documentos[0]!.id);
    // Published by the Órgão Central, in its series; the members with their functions and dates.
    expect(edital.identificacao).toMatch(/^Edital nº \d+\/2037\/COOGIE$/);
    expect(edital.html).toContain('Paulo Henrique Tavares, em substituição a Sônia Maria Freitas');
    expect(edital.html).toContain('<td>Diretor</td>');
    expect(edital.html).toContain('Renata Lopes Dias');
    expect(edital.html).toContain('1º de abril de 2037');
    // From the publication on, they are the institution's registered ETAP, under that edital (db/etap.ts).
    const etap = await etapDaInstituicao(w.db, p.codigoInep);
    expect(etap.map((m) => [m.funcao, m.nome])).toEqual([
      ['diretor', 'Paulo Henrique Tavares'],
      ['diretor-substituto', 'Clara Moura Reis'],
      ['secretario-escolar', 'Renata Lopes Dias'],
    ]);
    expect(etap[0]!.ato).toBe(`${edital.identificacao}, DOERJ de 09/03/2037, p. 12`);
  });

  it('with exigências: the notice from the items found wanting, 20 days from the ciência, the representante corrects the request, then the edital', async () => {
    const p = await abrir(brt('2037-03-10T08:00:00'));
    await ateAnalise(p, '2037-03-10');
    expect(await p.recusa('registrar-exigencias', inspetor, { checklist: checklist() }, '2037-03-10T12:00:00')).toMatch(/aprove o cadastramento/);
    const exig = await p.agir(
      'registrar-exigencias',
      inspetor,
      { checklist: checklist(['habilitacoes']).map((i) => (i.codigo === 'habilitacoes' ? { ...i, observacao: 'O diploma de Pedagogia apresentado não tem o registro exigido.' } : i)) },
      '2037-03-10T12:00:00',
    );
    expect(exig.fase).toBe('exigencias');
    const notificacao = await documento(exig.documentos[0]!.id);
    expect(notificacao.tipo).toBe('notificacao-exigencias-cadastro');
    expect(notificacao.identificacao).toMatch(/^Ofício nº \d+\/2037\/COOIE-METROPOLITANAI$/);
    // The item's own base legal (art. 14) and the servidor's observação as the motivação.
    expect(notificacao.html).toContain('O diploma de Pedagogia apresentado não tem o registro exigido.');
    expect(notificacao.html).toContain('Deliberação CEE nº 388/2020, art. 14');
    await p.agir('tomar-ciencia', representante, {}, '2037-03-10T15:00:00');
    // Ciência Tue 10/03; 20 dias corridos: day 1 Wed 11/03, day 20 Mon 30/03 (a business day).
    await p.esperar((e) => e.prazo?.limite === '2037-03-30T23:59:59-03:00', 'o prazo até 30/03/2037');
    const corrigido = {
      ...requerimento,
      membros: [{ ...diretor, formacoes: [...diretor.formacoes, { tipo: 'pos-lato-sensu', area: 'Gestão Escolar', cargaHoraria: 420, instituicao: 'UERJ', tipoInstituicao: 'ies-credenciada', conclusao: '2020-06-30' }] }, substituta, secretario],
    };
    const cumprido = await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o diploma registrado e o certificado de pós-graduação.', arquivos: [], requerimento: corrigido }, '2037-03-12T10:00:00');
    expect(cumprido.fase).toBe('analise');
    expect((await p.estado()).requerimento?.membros[0]?.formacoes).toHaveLength(2);
    expect((await p.agir('aprovar-cadastramento', inspetor, { checklist: checklist() }, '2037-03-13T10:00:00')).fase).toBe('edital');
  });

  it('a member penalised under Lei 6.533/2013 stops the approval; with the prazo expired unmet, the COOIE indefere', async () => {
    const p = await abrir(brt('2037-04-06T08:00:00'));
    await p.agir('apresentar-requerimento', representante, requerimento, '2037-04-06T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-04-06T10:00:00');
    await p.agir('consultar-coogie', inspetor, {}, '2037-04-06T10:05:00');
    await p.agir('responder-consulta', coogie, { apenados: ['Paulo Henrique Tavares'], resposta: 'O indicado foi apenado em 2031 (Processo SEI-030001/000123/2031).' }, '2037-04-06T11:00:00');
    expect(await p.recusa('aprovar-cadastramento', inspetor, { checklist: checklist() }, '2037-04-06T11:30:00')).toMatch(/apenados.*Paulo Henrique Tavares/);
    await p.agir(
      'registrar-exigencias',
      inspetor,
      {
        checklist: checklist(),
        exigencias: [
          {
            codigo: 'substituicao-apenado',
            descricao: 'Indicar outro Diretor, não apenado nos termos da Lei Estadual nº 6.533/2013',
            motivacao: 'A COOGIE informou que o Diretor indicado foi apenado.',
            baseLegal: 'Deliberação CEE nº 388/2020, art. 19, § 3º',
          },
        ],
      },
      '2037-04-06T12:00:00',
    );
    await p.agir('tomar-ciencia', representante, {}, '2037-04-06T13:00:00');
    // Ciência Mon 06/04; day 20 Sun 26/04 → Mon 27/04 (no holiday: 21/04 Tiradentes and 23/04 São Jorge fall inside).
    await p.esperar((e) => e.prazo?.limite === '2037-04-27T23:59:59-03:00', 'o prazo até 27/04/2037');
    await w.saltarAte(brt('2037-04-28T08:00:00'));
    await p.esperar((e) => e.fase === 'analise', 'a análise depois do prazo');
    const r = await p.agir('indeferir', inspetor, { fundamentacao: 'Decorrido o prazo sem a indicação de Diretor não apenado (Del. CEE nº 388/2020, art. 19, § 3º).' }, '2037-04-28T10:00:00');
    expect(r.fase).toBe('indeferido');
  });

  it('explains to the COOIE why a member does not qualify and where no one is present, and refuses the approval until the request is corrected', async () => {
    const p = await abrir(brt('2037-05-04T08:00:00'));
    // A Diretor with only an 80-hour extension course (I d asks 120 hours and a licenciatura), and nobody on Wednesday from 11:00.
    const semQualificacao = { ...diretor, formacoes: [{ tipo: 'formacao-em-servico', area: 'Gestão Escolar', cargaHoraria: 80, instituicao: 'Curso livre', conclusao: '2030-01-10' }], horarios: semana('07:00', '13:00').map((h) => (h.dia === 'quarta' ? { ...h, fim: '11:00' } : h)) };
    const comLacuna = { ...requerimento, membros: [semQualificacao, { ...substituta, horarios: semana('07:00', '10:00') }, secretario] };
    await p.agir('apresentar-requerimento', representante, comLacuna, '2037-05-04T09:00:00');
    const { avaliacao } = await p.estado();
    expect(avaliacao!.membros.map((m) => [m.nome, m.atende])).toEqual([
      ['Paulo Henrique Tavares', false],
      ['Clara Moura Reis', true],
      ['Renata Lopes Dias', true],
    ]);
    expect(avaliacao!.membros[0]!.explicacao).toMatch(/^Diretor: não comprovou nenhuma das formações da Deliberação CEE nº 388\/2020, art\. 14, I/);
    // Wednesday 11:00–13:00: the Diretor leaves at 11:00, the substituta at 10:00, the secretário at 11:00.
    expect(avaliacao!.lacunas).toEqual([expect.objectContaining({ dia: 'quarta', inicio: '11:00', fim: '13:00' })]);
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-05-04T10:00:00');
    await p.agir('consultar-coogie', inspetor, {}, '2037-05-04T10:05:00');
    await p.agir('responder-consulta', coogie, { apenados: [], resposta: 'Consultados os registros: nenhum dos membros foi apenado nos termos da Lei Estadual nº 6.533/2013.' }, '2037-05-04T11:00:00');
    const recusa = await p.recusa('aprovar-cadastramento', inspetor, { checklist: checklist() }, '2037-05-04T11:30:00');
    expect(recusa).toMatch(/não pode ser aprovado: Diretor: não comprovou/);
    expect(recusa).toMatch(/quarta-feira/);
  });

});
