import { describe, expect, it } from 'vitest';
import { normalizarMatricula, validarComissao } from '../../rules/vistoria/comissao';

const tres = [
  { nome: 'Ana Souza', matricula: '123.456-7' },
  { nome: 'Bruno Lima', matricula: '234.567-8' },
  { nome: 'Carla Dias', matricula: '345.678-9' },
];

describe('validarComissao', () => {
  it('aceita 3 servidores distintos com nome e matrícula', () => {
    expect(validarComissao(tres)).toEqual({ valida: true, erros: [] });
  });

  it('recusa menos ou mais de 3', () => {
    expect(validarComissao(tres.slice(0, 2)).erros).toEqual([
      { campo: 'membros', mensagem: 'A Comissão de Vistoria deve ser composta por exatamente 3 servidores; foram informados 2.' },
    ]);
    const quatro = validarComissao([...tres, { nome: 'Davi Reis', matricula: '9' }]);
    expect(quatro.valida).toBe(false);
    expect(quatro.erros[0].mensagem).toMatch(/exatamente 3 servidores; foram informados 4/);
  });

  it('recusa matrícula repetida (ignorando pontuação e espaços)', () => {
    const r = validarComissao([tres[0], tres[1], { nome: 'Outra Pessoa', matricula: '1234567' }]);
    expect(r.valida).toBe(false);
    expect(r.erros).toEqual([
      {
        campo: 'membros[2].matricula',
        mensagem: 'Membro 3: a matrícula 1234567 já foi informada para o membro 1; a Comissão deve ter 3 servidores distintos.',
      },
    ]);
  });

  it('homônimos com matrículas diferentes são servidores distintos', () => {
    expect(validarComissao([tres[0], { ...tres[1], nome: 'Ana Souza' }, tres[2]]).valida).toBe(true);
  });

  it('exige nome e matrícula de cada membro', () => {
    const r = validarComissao([{ nome: ' ', matricula: '1' }, { nome: 'B' }, { matricula: '-.-', nome: 'C' }]);
    expect(r.erros.map((e) => e.campo)).toEqual(['membros[0].nome', 'membros[1].matricula', 'membros[2].matricula']);
    expect(r.erros.map((e) => e.mensagem)).toEqual([
      'Membro 1: informe o nome do servidor.',
      'Membro 2: informe a matrícula do servidor.',
      'Membro 3: a matrícula "-.-" não contém letras nem algarismos.',
    ]);
  });

  it('recusa entrada que não é lista', () => {
    expect(validarComissao(undefined).valida).toBe(false);
    expect(validarComissao({}).erros[0].campo).toBe('membros');
  });

  it('normalizarMatricula', () => {
    expect(normalizarMatricula(' 12.345-6 ')).toBe('123456');
    expect(normalizarMatricula('ab-12')).toBe('AB12');
  });
});
