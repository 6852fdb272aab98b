/** Realistic data for every template of the catalogue (fictitious people and schools). */
import type { EntradaDocumento, TipoDocumento } from '../../documentos/catalogo';

export const EMISSOR_COOIE = {
  orgao: [
    'GOVERNO DO ESTADO DO RIO DE JANEIRO',
    'SECRETARIA DE ESTADO DE EDUCAÇÃO',
    'Subsecretaria de Gestão de Ensino',
    'Coordenadoria Regional de Inspeção Escolar Metropolitana I',
  ],
  contato: ['Rua da Ajuda, 5, 12º andar – Centro – CEP 20040-000 – Rio de Janeiro/RJ', 'cooie.metropolitana1@educacao.rj.gov.br'],
};

export const EMISSOR_COOGIE = {
  orgao: [
    'GOVERNO DO ESTADO DO RIO DE JANEIRO',
    'SECRETARIA DE ESTADO DE EDUCAÇÃO',
    'Coordenadoria Geral de Inspeção Escolar',
  ],
};

const EMISSOR_ESCOLA = {
  orgao: ['PREFEITURA MUNICIPAL DE NITERÓI', 'Secretaria Municipal de Educação', 'Escola Municipal Professora Alda Lins'],
  contato: ['Rua Dr. Paulo César, 230 – Santa Rosa – CEP 24240-000 – Niterói/RJ'],
};

const ENDERECO_ESCOLA = {
  logradouro: 'Rua São Clemente, 250',
  bairro: 'Botafogo',
  cep: '22260-001',
  municipio: 'Rio de Janeiro',
  uf: 'RJ',
};

const INSTITUICAO = { nome: 'Colégio Horizonte Azul Ltda.', cnpj: '11.222.333/0001-81', codigoInep: '33012345' };
const INSTITUICAO_COM_ENDERECO = { ...INSTITUICAO, endereco: ENDERECO_ESCOLA };

const RL = {
  tratamento: 'A Sua Senhoria a Senhora',
  nome: 'Marta Regina Albuquerque',
  cargo: 'Representante Legal',
  instituicao: 'Colégio Horizonte Azul Ltda.',
  endereco: ENDERECO_ESCOLA,
};

const COORDENADORA = { nome: 'Luíza Helena Barcellos', cargo: 'Coordenadora Regional de Inspeção Escolar Metropolitana I', matricula: '0912345-6' };

const COMISSAO = [
  { nome: 'Carlos Eduardo Menezes', matricula: '0845123-1', cargo: 'Inspetor Escolar' },
  { nome: 'Patrícia Gomes da Silva', matricula: '0877345-2', cargo: 'Inspetora Escolar' },
  { nome: 'Renato Vieira Lopes', matricula: '0899011-7', cargo: 'Inspetor Escolar' },
];

const EXIGENCIAS = [
  {
    natureza: 'documental' as const,
    descricao: 'Apresentar o Auto de Vistoria do Corpo de Bombeiros (AVCB) válido para o novo pavimento.',
    motivacao: 'O certificado apresentado refere-se apenas ao pavimento térreo e venceu em 10/08/2026.',
    baseLegal: 'Deliberação CEE nº 388/2020, art. 22, IX',
  },
  {
    natureza: 'fisica' as const,
    descricao: 'Instalar corrimão nas duas laterais da escada de acesso ao segundo pavimento.',
    motivacao: 'Na visita, a escada tinha corrimão em uma só lateral, o que compromete a segurança dos estudantes.',
    baseLegal: 'Deliberação CEE nº 388/2020, art. 22, XV; ABNT NBR 9050:2020, item 6.9',
  },
];

const PROCESSO = 'SEI-030001/016815/2024';

const MAE = {
  nome: 'Joana Aparecida Ferreira',
  endereco: { logradouro: 'Travessa Souza Soares, 41', complemento: 'casa 2', bairro: 'Fonseca', cep: '24120-190', municipio: 'Niterói', uf: 'RJ' },
  telefone: '(21) 98888-1234',
};

/** One valid data set per template, for a document dated 2026-11-23 (a Monday). */
export const DADOS: { [T in TipoDocumento]: EntradaDocumento<T> } = {
  'notificacao-exigencias': {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    destinatario: RL,
    vocativo: 'Senhora Representante Legal',
    fecho: 'Atenciosamente',
    signatario: COORDENADORA,
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    tipoVistoria: 'aumento-capacidade',
    documentoOrigem: 'Termo de Visita nº 2/2026/COOIE-METROPOLITANA I',
    exigencias: EXIGENCIAS,
    prazo: { codigo: 'exigencias-merito', ciencia: '2026-11-24', vencimento: '2026-12-14' },
  },
  'ordem-servico': {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    autoridade: 'A COORDENADORA REGIONAL DE INSPEÇÃO ESCOLAR METROPOLITANA I',
    instituicao: INSTITUICAO_COM_ENDERECO,
    tipoVistoria: 'aumento-capacidade',
    comissao: COMISSAO,
    signatario: COORDENADORA,
  },
  'agendamento-visita': {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    destinatario: RL,
    vocativo: 'Senhora Representante Legal,',
    fecho: 'Atenciosamente',
    signatario: { nome: 'Carlos Eduardo Menezes', cargo: 'Inspetor Escolar – Comissão de Vistoria', matricula: '0845123-1' },
    processoSei: PROCESSO,
    instituicao: INSTITUICAO_COM_ENDERECO,
    tipoVistoria: 'aumento-capacidade',
    ordemServico: { identificacao: 'Ordem de Serviço nº 7/2026/COOIE-METROPOLITANA I', data: '2026-11-09' },
    visita: { data: '2026-11-30', hora: '09:30' },
    comissao: COMISSAO,
    contato: 'comissao.vistoria@educacao.rj.gov.br',
  },
  'termo-visita': {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    instituicao: INSTITUICAO_COM_ENDERECO,
    tipoVistoria: 'aumento-capacidade',
    ordemServico: { identificacao: 'Ordem de Serviço nº 7/2026/COOIE-METROPOLITANA I', data: '2026-11-09' },
    visita: { data: '2026-11-23', horaInicio: '09:30', horaFim: '11:45' },
    comissao: COMISSAO,
    representante: { nome: 'Marta Regina Albuquerque', qualidade: 'representante-legal' },
    verificacoes: [
      { item: 'Salas de aula do segundo pavimento: área útil conforme a planta apresentada', situacao: 'atende' },
      { item: 'Escada de acesso ao segundo pavimento com corrimão nas duas laterais', situacao: 'nao-atende', observacao: 'Corrimão em uma só lateral.' },
      { item: 'Rampa de acessibilidade', situacao: 'nao-se-aplica', observacao: 'Há elevador com laudo válido.' },
    ],
    exigencias: EXIGENCIAS,
  },
  pronunciamento: {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    tipoVistoria: 'aumento-capacidade',
    instancia: 'original',
    decisao: 'indeferimento',
    fundamentacao: [
      'Em 23 de novembro de 2026, a Comissão realizou visita in loco e formulou duas exigências, das quais foi dada ciência à Representante Legal no Termo de Visita.',
      'Encerrado o prazo de 20 dias sem pedido de prorrogação, a instituição não comprovou o cumprimento das exigências.',
    ],
    exigenciasNaoAtendidas: EXIGENCIAS,
    comissao: COMISSAO,
  },
  'notificacao-indeferimento': {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    destinatario: RL,
    vocativo: 'Senhora Representante Legal',
    fecho: 'Atenciosamente',
    signatario: COORDENADORA,
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    tipoVistoria: 'aumento-capacidade',
    decisao: { identificacao: 'Pronunciamento nº 4/2026/COOIE-METROPOLITANA I', data: '2026-11-20' },
    motivos: EXIGENCIAS,
    recurso: 'reconsideracao',
    prazo: { ciencia: '2026-11-23', vencimento: '2026-12-14' },
  },
  'estudo-tecnico': {
    emissor: EMISSOR_COOGIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    tipoVistoria: 'aumento-capacidade',
    pronunciamento: { identificacao: 'Pronunciamento nº 9/2026/COOIE-METROPOLITANA I', data: '2026-11-10' },
    historico: [
      'A instituição requereu o aumento de sua capacidade máxima de matrícula em razão da construção de novo pavimento.',
      'A Comissão de Vistoria indeferiu o pedido e, em sede de reconsideração, ratificou o indeferimento.',
    ],
    exigencias: EXIGENCIAS,
    signatarios: [
      { nome: 'Fernanda Castro Nogueira', cargo: 'Inspetora Escolar – Equipe Técnica da COOGIE', matricula: '0811222-3' },
      { nome: 'Roberto Almeida Pinto', cargo: 'Coordenador Geral de Inspeção Escolar', matricula: '0800111-9' },
    ],
  },
  'pronunciamento-coogie': {
    emissor: EMISSOR_COOGIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    tipoVistoria: 'aumento-capacidade',
    estudoTecnico: { identificacao: 'Estudo Técnico nº 3/2026/COOGIE', data: '2026-11-12' },
    unidadeRegional: 'Coordenadoria Regional de Inspeção Escolar Metropolitana I',
    decisao: 'indeferimento',
    semManifestacao: true,
    fundamentacao: ['O Estudo Técnico identificou as exigências abaixo, que não foram cumpridas.'],
    exigenciasNaoAtendidas: EXIGENCIAS,
    signatario: { nome: 'Roberto Almeida Pinto', cargo: 'Coordenador Geral de Inspeção Escolar', matricula: '0800111-9' },
  },
  'notificacao-exigencias-cadastro': {
    emissor: EMISSOR_COOIE,
    local: 'Rio de Janeiro',
    destinatario: RL,
    vocativo: 'Senhora Representante Legal',
    fecho: 'Atenciosamente',
    signatario: COORDENADORA,
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    objeto: 'pedido de cadastramento da Equipe Técnico-Administrativo-Pedagógica (ETAP)',
    codigoPrazo: 'exigencias-etap',
    exigencias: [
      {
        natureza: 'documental',
        descricao: 'Apresentar diploma de Licenciatura Plena em Pedagogia ou pós-graduação em Gestão Escolar do Diretor indicado',
        motivacao: 'O certificado apresentado é de curso de extensão de 80 horas, abaixo das 120 horas do art. 14, I, d.',
        baseLegal: 'Deliberação CEE nº 388/2020, art. 14, I',
      },
    ],
    prazo: { ciencia: '2026-11-24', vencimento: '2026-12-14' },
  },
  'edital-alteracao-mantenedora': {
    emissor: EMISSOR_COOGIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    autoridade: 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR',
    instituicao: INSTITUICAO_COM_ENDERECO,
    mantenedora: { nome: 'Sociedade Educacional Horizonte Azul S.A.', cnpj: '44.555.666/0001-81' },
    alteracoes: [{ tipo: 'representante-legal', descricao: 'Assume a representação legal Marta Regina Albuquerque, em substituição a Jorge Luiz Albuquerque.' }],
    signatario: { nome: 'Roberto Almeida Pinto', cargo: 'Coordenador Geral de Inspeção Escolar', matricula: '0800111-9' },
  },
  'edital-cadastramento-etap': {
    emissor: EMISSOR_COOGIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    autoridade: 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR',
    instituicao: INSTITUICAO_COM_ENDERECO,
    membros: [
      { nome: 'Paulo Henrique Tavares', funcao: 'diretor', desde: '2026-12-01', substitui: 'Sônia Maria Freitas' },
      { nome: 'Renata Lopes Dias', funcao: 'secretario-escolar', desde: '2026-12-01' },
    ],
    signatario: { nome: 'Roberto Almeida Pinto', cargo: 'Coordenador Geral de Inspeção Escolar', matricula: '0800111-9' },
  },
  'edital-cadastramento': {
    emissor: EMISSOR_COOGIE,
    local: 'Rio de Janeiro',
    processoSei: PROCESSO,
    autoridade: 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR, por meio de sua Equipe de Atos Legais',
    instituicao: { ...INSTITUICAO_COM_ENDERECO, mantenedora: { nome: 'Sociedade Educacional Horizonte Azul S.A.', cnpj: '44.555.666/0001-81' } },
    objeto: { tipoVistoria: 'aumento-capacidade', capacidadeAnterior: 480, capacidadeNova: 640, turnos: 'em cada um dos turnos da manhã e da tarde' },
    pronunciamento: { identificacao: 'Pronunciamento nº 12/2026/COOIE-METROPOLITANA I', data: '2026-11-13' },
    signatario: { nome: 'Roberto Almeida Pinto', cargo: 'Coordenador Geral de Inspeção Escolar' },
  },
  'encaminhamento-cee': {
    emissor: EMISSOR_COOGIE,
    local: 'Rio de Janeiro',
    destinatario: {
      tratamento: 'A Sua Senhoria o Senhor',
      nome: 'Antônio Sérgio Ramos',
      cargo: 'Presidente',
      instituicao: 'Conselho Estadual de Educação do Rio de Janeiro',
      endereco: { logradouro: 'Rua da Assembleia, 10, sala 901', bairro: 'Centro', cep: '20011-901', municipio: 'Rio de Janeiro', uf: 'RJ' },
    },
    vocativo: 'Senhor Presidente',
    fecho: 'Respeitosamente',
    signatario: { nome: 'Roberto Almeida Pinto', cargo: 'Coordenador Geral de Inspeção Escolar' },
    processoSei: PROCESSO,
    instituicao: INSTITUICAO,
    tipoVistoria: 'aumento-capacidade',
    decisao: { identificacao: 'Pronunciamento nº 15/2026/COOIE-METROPOLITANA I', data: '2026-10-20' },
    destino: 'cee',
    recursoProtocoladoEm: '2026-11-05',
  },
  'nomeacao-coordenador': {
    emissor: { orgao: ['GOVERNO DO ESTADO DO RIO DE JANEIRO', 'SECRETARIA DE ESTADO DE EDUCAÇÃO', 'Gabinete da Secretária'] },
    local: 'Rio de Janeiro',
    destinatario: {
      tratamento: 'A Sua Senhoria a Senhora',
      nome: 'Cláudia Moreira Lemos',
      cargo: 'Coordenadora-Geral de Atendimento e Relacionamento com as Redes de Ensino',
      instituicao: 'Ministério da Educação – SEB/DARE/CGAR',
      endereco: { logradouro: 'Esplanada dos Ministérios, Bloco L', bairro: 'Zona Cívico-Administrativa', cep: '70047-900', municipio: 'Brasília', uf: 'DF' },
    },
    vocativo: 'Senhora Coordenadora-Geral',
    fecho: 'Atenciosamente',
    signatario: { nome: 'Helena Duarte Vasconcellos', cargo: 'Secretária de Estado de Educação' },
    uf: 'RJ',
    programa: 'Programa Bolsa Família na Educação (Sistema Presença)',
    coordenador: {
      nome: 'Paulo Roberto Siqueira',
      cpf: '529.982.247-25',
      cargo: 'Superintendente de Políticas Intersetoriais da SEEDUC-RJ',
      email: 'paulo.siqueira@educacao.rj.gov.br',
      telefone: '(21) 2333-4455',
    },
    substitui: { nome: 'Márcia Teixeira Lima' },
  },
  'termo-responsabilidade': {
    emissor: { orgao: ['PREFEITURA MUNICIPAL DE NITERÓI', 'Secretaria Municipal de Educação'] },
    local: 'Niterói',
    programa: 'Programa Bolsa Família na Educação (Sistema Presença)',
    municipio: { nome: 'Niterói', codigoIbge: '3303302', uf: 'RJ' },
    coordenador: {
      nome: 'Beatriz Campos Rangel',
      cpf: '123.456.780-62',
      cargo: 'Coordenadora Municipal do Sistema Presença – Niterói/RJ',
      email: 'beatriz.rangel@educacao.niteroi.rj.gov.br',
    },
  },
  'notificacao-familia': {
    emissor: EMISSOR_ESCOLA,
    local: 'Niterói',
    destinatario: {
      tratamento: 'A Sua Senhoria a Senhora',
      nome: 'Joana Aparecida Ferreira',
      qualificacao: 'Responsável legal pelo estudante Lucas Ferreira Santos',
      endereco: MAE.endereco,
    },
    vocativo: 'Senhora Joana',
    fecho: 'Atenciosamente',
    signatario: { nome: 'Sônia Maria Prates', cargo: 'Diretora da Escola Municipal Professora Alda Lins' },
    escola: { nome: 'Escola Municipal Professora Alda Lins', codigoInep: '33063153' },
    estudante: { nome: 'Lucas Ferreira Santos', turma: 'Turma 602 – 6º ano do Ensino Fundamental' },
    frequencia: { mes: '2026-10', percentual: 58.33, minimo: 75 },
    comparecimento: { data: '2026-11-27', hora: '14:00', local: 'sala da direção' },
  },
  'encaminhamento-assistencia-social': {
    emissor: EMISSOR_ESCOLA,
    local: 'Niterói',
    destinatario: {
      tratamento: 'A Sua Senhoria o Senhor',
      nome: 'Marcelo Antunes Costa',
      cargo: 'Coordenador',
      instituicao: 'Centro de Referência de Assistência Social (CRAS) Fonseca',
      endereco: { logradouro: 'Alameda São Boaventura, 770', bairro: 'Fonseca', cep: '24120-191', municipio: 'Niterói', uf: 'RJ' },
    },
    vocativo: 'Senhor Coordenador',
    fecho: 'Atenciosamente',
    signatario: { nome: 'Sônia Maria Prates', cargo: 'Diretora da Escola Municipal Professora Alda Lins' },
    escola: { nome: 'Escola Municipal Professora Alda Lins', codigoInep: '33063153' },
    estudante: { nome: 'Lucas Ferreira Santos', dataNascimento: '2014-03-17', turma: 'Turma 602 – 6º ano do Ensino Fundamental', nis: '120.56412.54-5' },
    responsavel: MAE,
    frequencia: { mes: '2026-10', percentual: 58.33, minimo: 75 },
    motivoBaixaFrequencia: { codigo: '61', descricao: 'Situação de vulnerabilidade social da família' },
    situacao: ['Segundo a mãe, o estudante deixou de frequentar as aulas para cuidar dos irmãos menores enquanto ela trabalha em jornada noturna.'],
    providenciasEscola: ['Reunião com a responsável em 27/11/2026.', 'Acompanhamento pedagógico individual.'],
  },
  'comunicacao-conselho-tutelar': {
    emissor: EMISSOR_ESCOLA,
    local: 'Niterói',
    destinatario: {
      tratamento: 'Ao Senhor',
      nome: 'Jorge Luiz Batista',
      cargo: 'Conselheiro Tutelar',
      instituicao: 'Conselho Tutelar de Niterói – Região Norte',
      endereco: { logradouro: 'Rua Noronha Torrezão, 101', bairro: 'Santa Rosa', cep: '24240-185', municipio: 'Niterói', uf: 'RJ' },
    },
    vocativo: 'Senhor Conselheiro',
    fecho: 'Atenciosamente',
    signatario: { nome: 'Sônia Maria Prates', cargo: 'Diretora da Escola Municipal Professora Alda Lins' },
    escola: { nome: 'Escola Municipal Professora Alda Lins', codigoInep: '33063153' },
    estudante: { nome: 'Lucas Ferreira Santos', dataNascimento: '2014-03-17', turma: 'Turma 602 – 6º ano do Ensino Fundamental' },
    responsavel: MAE,
    hipoteses: ['faltas-evasao'],
    fatos: ['O estudante faltou a 25 dos 60 dias letivos de setembro e outubro de 2026, sem justificativa.'],
    frequencia: { mes: '2026-10', percentual: 58.33, minimo: 75 },
    providenciasEscola: [
      'Notificação à família (Ofício nº 31/2026/EM-ALDA LINS) e reunião com a responsável.',
      'Encaminhamento ao CRAS Fonseca (Ofício nº 32/2026/EM-ALDA LINS).',
    ],
  },
};

/** Issuing unit per template, for the identification. */
export const UNIDADES: { [T in TipoDocumento]: string } = {
  'notificacao-exigencias': 'COOIE-METROPOLITANA I',
  'ordem-servico': 'COOIE-METROPOLITANA I',
  'agendamento-visita': 'COOIE-METROPOLITANA I',
  'termo-visita': 'COOIE-METROPOLITANA I',
  pronunciamento: 'COOIE-METROPOLITANA I',
  'notificacao-indeferimento': 'COOIE-METROPOLITANA I',
  'estudo-tecnico': 'COOGIE',
  'pronunciamento-coogie': 'COOGIE',
  'notificacao-exigencias-cadastro': 'COOIE-METROPOLITANA I',
  'edital-alteracao-mantenedora': 'COOGIE',
  'edital-cadastramento-etap': 'COOGIE',
  'edital-cadastramento': 'COOGIE',
  'encaminhamento-cee': 'COOGIE',
  'nomeacao-coordenador': 'GAB/SEEDUC',
  'termo-responsabilidade': 'SME-NITERÓI',
  'notificacao-familia': 'EM-ALDA LINS',
  'encaminhamento-assistencia-social': 'EM-ALDA LINS',
  'comunicacao-conselho-tutelar': 'EM-ALDA LINS',
};
