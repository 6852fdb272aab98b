/**
 * The RGA's file name (seed 003, RGA, alínea e: "RGA202x.MARÇO_NOMEFANTASIADAINSTITUIÇÃODEENSINO_REGIONAL_MUNICIPIO",
 * "EXEMPLO: RGA2024.MARÇO_CENTROEDUCACIONALFELICIDADE_METROPOLITANA I_NOVAIGUAÇU"; alínea d: one PDF file).
 */
import { describe, expect, it } from 'vitest';
import { conferirNomeRga, nomeArquivoRga } from '../../rules/obrigacoes';
import { LINHAS } from '../etap/seed';

const EXEMPLO = 'RGA2024.MARÇO_CENTROEDUCACIONALFELICIDADE_METROPOLITANA I_NOVAIGUAÇU';
const FELICIDADE = { ano: 2024, mes: 3, nomeFantasia: 'Centro Educacional Felicidade', regional: 'Metropolitana I', municipio: 'Nova Iguaçu' };

describe('nome do arquivo do RGA (alínea e)', () => {
  it('o exemplo do seed é aceito e é o nome que rito monta com os dados da instituição', () => {
    expect(LINHAS).toContain(`EXEMPLO: ${EXEMPLO}`);
    expect(conferirNomeRga(EXEMPLO)).toEqual({ valido: true, problemas: [] });
    expect(nomeArquivoRga(FELICIDADE)).toBe(EXEMPLO);
    expect(conferirNomeRga(`${EXEMPLO}.pdf`, FELICIDADE)).toEqual({ valido: true, problemas: [], esperado: EXEMPLO });
    expect(conferirNomeRga(`${EXEMPLO}.PDF`, FELICIDADE).valido).toBe(true);
  });

  it('diz exatamente o que está errado, parte por parte', () => {
    const r = conferirNomeRga('rga24.Marco_Centro Educacional Felicidade_metropolitana i_Nova Iguaçu.xlsx', FELICIDADE);
    expect(r.valido).toBe(false);
    expect(r.problemas).toEqual([
      'O RGA é um único arquivo PDF (orientações da SEEDUC-RJ para o RGA, alínea d); a extensão é ".xlsx".',
      'Escreva RGA em maiúsculas; está "rga".',
      'Depois de RGA vem o ano com quatro dígitos (ex.: RGA2024); está "24".',
      'O mês deve ser escrito MARÇO (em maiúsculas, com acento, se houver); está "Marco".',
      'O nome fantasia deve ser CENTROEDUCACIONALFELICIDADE (sem espaços, em maiúsculas); está "Centro Educacional Felicidade".',
      'A regional deve ser METROPOLITANA I; está "metropolitana i".',
      'O município deve ser NOVAIGUAÇU (sem espaços, em maiúsculas); está "Nova Iguaçu".',
    ]);
    expect(r.esperado).toBe(EXEMPLO);
  });

  it('mês, ano, instituição, regional e município de outro RGA', () => {
    const r = conferirNomeRga('RGA2023.ABRIL_COLEGIOALEGRIA_METROPOLITANA II_NOVAIGUACU.pdf', FELICIDADE);
    expect(r.problemas).toEqual([
      'O ano deve ser 2024; está 2023.',
      'O mês deve ser MARÇO; está ABRIL.',
      'O nome fantasia deve ser CENTROEDUCACIONALFELICIDADE; está "COLEGIOALEGRIA".',
      'A regional deve ser METROPOLITANA I; está "METROPOLITANA II".',
      'O município deve ser NOVAIGUAÇU (com os acentos); está "NOVAIGUACU".',
    ]);
  });

  it('estrutura: partes faltando, ponto entre ano e mês, mês que não existe', () => {
    expect(conferirNomeRga('RGA2024.MAIO').problemas).toEqual([
      'O nome tem uma só parte; devem ser 4, separadas por "_": RGA<ano>.<MÊS>_<NOMEFANTASIA>_<REGIONAL>_<MUNICÍPIO>.',
    ]);
    expect(conferirNomeRga('RGA2024MARÇO_ESCOLA_SERRANA I_PETRÓPOLIS').problemas).toEqual(['Entre o ano e o mês vai um ponto (ex.: RGA2024.MARÇO).']);
    expect(conferirNomeRga('RGA2024.MARCH_ESCOLA_SERRANA I_PETRÓPOLIS').problemas).toEqual([
      '"MARCH" não é um mês: use JANEIRO, FEVEREIRO, MARÇO, ABRIL, MAIO, JUNHO, JULHO, AGOSTO, SETEMBRO, OUTUBRO, NOVEMBRO ou DEZEMBRO.',
    ]);
    expect(conferirNomeRga('RGA2024.MARÇO_Escola Nova_SERRANA I__').problemas).toEqual([
      'O nome tem 5 partes separadas por "_"; devem ser 4, separadas por "_": RGA<ano>.<MÊS>_<NOMEFANTASIA>_<REGIONAL>_<MUNICÍPIO> (o nome fantasia e o município vão sem espaços nem "_").',
    ]);
    expect(conferirNomeRga('RGA2024.MARÇO_Escola Nova_SERRANA I_PETRÓPOLIS').problemas).toEqual(['O nome fantasia vai sem espaços: ESCOLANOVA; está "Escola Nova".']);
  });
});
