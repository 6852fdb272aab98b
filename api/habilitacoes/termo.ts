/**
 * The Termo de Responsabilidade a Coordenador(a) Municipal signs in the system
 * with the pré-cadastro (seed 000: "assinar o Termo de Responsabilidade
 * disponível no sistema"). The seed does not reproduce MEC's text; this one
 * states the duties the Portaria gives the municipal coordination (Portaria
 * Interministerial MEC/MC nº 3/2022, art. 7º) and the keeping of the documents
 * (seed 000, "Atenção!"). Its SHA-256 is recorded with each signature, so a
 * later change of wording never changes what someone signed.
 */
export const TERMO_DE_RESPONSABILIDADE = {
  titulo: 'Termo de Responsabilidade — Coordenação Municipal do Sistema Presença',
  baseLegal: 'Portaria Interministerial MEC/MC nº 3/2022, art. 7º; Guia Rápido do Sistema Presença (pré-cadastro e cadastro)',
  texto: [
    'Declaro, para os fins do acompanhamento da frequência escolar dos estudantes beneficiários de programas sociais, que:',
    '1. assumo a Coordenação Municipal do Sistema Presença no município indicado no pré-cadastro, até a minha substituição ou exclusão;',
    '2. habilitarei somente auxiliares municipais e operadores(as) escolares vinculados(as) às escolas do município, e receberei e guardarei os documentos que comprovem a veracidade dos perfis sob minha responsabilidade;',
    '3. zelarei pelo registro da frequência escolar e dos motivos de baixa frequência nos prazos do calendário nacional, conforme o art. 7º da Portaria Interministerial MEC/MC nº 3/2022;',
    '4. utilizarei os dados pessoais dos estudantes somente para as finalidades do acompanhamento, observada a Lei nº 13.709/2018 (LGPD), e manterei o sigilo da minha senha, pessoal e intransferível;',
    '5. as informações que prestei no pré-cadastro são verdadeiras.',
  ].join('\n'),
} as const;
