/**
 * The terms an external user accepts with his pré-cadastro: seed 002 (IN
 * SEI-MEC, DOU 16/10/2025), art. 17, "O cadastro de que trata o art. 16
 * importará na aceitação de todos os termos e condições que regem o processo
 * eletrônico". The text restates, item by item, what arts. 16 to 19 say the
 * cadastro enables and makes the user responsible for; each item names its
 * source. Its SHA-256 is recorded with each acceptance (habilitacao.termo_sha256),
 * so a later change of wording never changes what someone accepted.
 */
export const TERMO_USUARIO_EXTERNO = {
  titulo: 'Termo de aceitação das condições de uso — usuário externo',
  baseLegal: 'IN SEI-MEC (DOU 16/10/2025), arts. 16 a 19',
  texto: [
    'Ao solicitar o meu cadastro como usuário externo, declaro que aceito os termos e condições que regem o processo eletrônico (art. 17), e que:',
    '1. o cadastro é ato pessoal, intransferível, indelegável e irrevogável, e depende da conferência dos documentos que enviei (art. 16, caput e § 2º);',
    '2. o cadastro me habilita a peticionar e protocolizar eletronicamente; assinar contratos, convênios, acordos e instrumentos congêneres; interpor recursos administrativos; receber ofícios, notificações e intimações; e solicitar vistas de documentos ou processos de que eu seja comprovadamente interessado, nos limites da representação comprovada (art. 17, I a V);',
    '3. a partir da efetivação do cadastro, os atos e comunicações processuais se darão por meio eletrônico, salvo inviabilidade técnica ou indisponibilidade do meio eletrônico (art. 16, §§ 6º e 7º; art. 18, VI);',
    '4. são de minha exclusiva responsabilidade: o sigilo da minha senha, não sendo oponível a alegação de uso indevido; a conformidade entre os dados informados e os documentos enviados; o formato e o tamanho dos arquivos; a conservação dos originais dos documentos digitalizados até que decaia o direito da Administração de rever os atos; a verificação do recebimento pelo recibo de protocolo; a consulta periódica ao sistema; e as condições da minha rede e do meu equipamento (art. 18, I a V, VIII e IX);',
    '5. os atos se consideram realizados no dia e na hora do recebimento pelo sistema, e são tempestivos os praticados até as 23h59min59s do último dia do prazo, horário oficial de Brasília (art. 18, VII);',
    '6. a falta do cadastro e os erros de transmissão não imputáveis ao sistema não servem de escusa para o descumprimento de obrigações e prazos (art. 18, parágrafo único);',
    '7. havendo indício de irregularidade, o meu cadastro poderá ser desativado a qualquer momento (art. 19);',
    '8. as informações que prestei e os documentos que enviei são verdadeiros.',
  ].join('\n'),
} as const;
