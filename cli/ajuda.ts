/**
 * What `rito <comando> --help` (or -h) prints, for the commands that do not
 * print their own: `rito prazo` and `rito calendario` have subcommands and
 * options of their own, with their help in cli/prazo.ts and cli/calendario.ts.
 * Plain text with no imports, so that asking for help loads neither Temporal
 * nor the database.
 */

const BANCO_ONE_SHOT =
  'Banco: o de DATABASE_URL; sem ela, o PostgreSQL embutido de `rito dev` (pelo `rito dev` em\nexecução, ou aberto aqui a partir de RITO_DATA_DIR).';

export const USO_SEED = 'uso: rito seed demo [--senha SENHA]\n';
export const USO_AUDITORIA = 'uso: rito auditoria verificar [--ancora SEQ:HASH] [--sem-ancoras]\n       rito auditoria ancorar\n';

export const AJUDA = {
  dev: `uso: rito dev

Sobe o sistema completo nesta máquina, com padrões embutidos (é o que \`npm start\` roda):
o PostgreSQL embutido (PGlite em RITO_DATA_DIR) quando não há DATABASE_URL, o Temporal
dev server quando não há TEMPORAL_ADDRESS, as migrações, a demonstração de \`rito seed demo\`
no primeiro início (com as senhas), o worker e a API. Imprime os endereços (API, /docs,
/ready, interface do Temporal); Ctrl-C para tudo.

Configurações: variáveis de ambiente, listadas por \`rito config\`.
`,
  api: `uso: rito api

Sobe apenas a API HTTP em HOST:PORT, para uma implantação com PostgreSQL e Temporal
próprios. Precisa de DATABASE_URL, TEMPORAL_ADDRESS e TEMPORAL_CHAVES. Para em SIGTERM ou SIGINT.

Configurações: variáveis de ambiente, listadas por \`rito config\`.
`,
  worker: `uso: rito worker

Sobe apenas o worker Temporal, que executa os workflows e as atividades do rito na fila
TEMPORAL_TASK_QUEUE. Precisa de DATABASE_URL, TEMPORAL_ADDRESS e TEMPORAL_CHAVES. Vários workers podem
servir a mesma fila. Para em SIGTERM ou SIGINT, terminando as tarefas em curso.

Configurações: variáveis de ambiente, listadas por \`rito config\`.
`,
  config: `uso: rito config [--verificar | --atualizar-readme | --gerar-chave | --gerar-chave-ancora]

Sem opções, imprime a tabela de todas as configurações (variável, padrão, descrição).

opções:
  --verificar          valida as variáveis de ambiente atuais (código 2 e o motivo, se inválidas)
  --atualizar-readme   reescreve a tabela de configurações do README.md
  --gerar-chave        imprime uma nova chave para TEMPORAL_CHAVES (id:chave-em-base64)
  --gerar-chave-ancora imprime uma nova chave para AUDITORIA_ANCORA_CHAVE (32 bytes em base64)
`,
  migrate: `uso: rito migrate

Aplica ao banco de DATABASE_URL as migrações que ainda não foram aplicadas (uma vez, antes
de subir API e workers de uma nova versão).
`,
  seed: `${USO_SEED}
Cria a demonstração: uma COOIE com uma inspetora e uma Comissão de Vistoria de três
servidores, um usuário da COOGIE, uma supervisora, um administrador e duas instituições com
representante legal e procurador, e imprime cada e-mail com a sua senha (e, para a Comissão,
a matrícula e a conta que a Ordem de Serviço indica). Rodar de novo gera senhas novas e não
muda mais nada.

opções:
  --senha SENHA   a mesma senha para todas as contas da demonstração

${BANCO_ONE_SHOT}
`,
  auditoria: `${USO_AUDITORIA}
verificar: percorre a cadeia de hashes da trilha de auditoria e aponta cada entrada alterada
ou removida (todas, não só a primeira). Confere a cadeia também com as âncoras assinadas
deste banco em AUDITORIA_ANCORA_DIR (padrão: RITO_DATA_DIR/auditoria-ancoras), gravadas pela
API: uma entrada ancorada que sumiu (cadeia cortada) ou cujo hash mudou (cadeia recalculada)
é apontada, e uma âncora com assinatura inválida também. Código 0 se íntegra, 1 se
adulterada, 2 se há âncoras e falta a chave (AUDITORIA_ANCORA_CHAVE) para conferi-las.

ancorar: grava agora uma âncora assinada da última entrada (a API faz isso sozinha a cada
AUDITORIA_ANCORA_INTERVALO_S).

opções de verificar:
  --ancora SEQ:HASH   também esta entrada (seq e hash), impressa por uma verificação anterior e
                      guardada fora do banco
  --sem-ancoras       não lê as âncoras da pasta

${BANCO_ONE_SHOT}
`,
} as const;

/** `--help` or `-h` among the arguments (before a `--`). */
export function pedeAjuda(args: readonly string[]): boolean {
  const fim = args.indexOf('--');
  return (fim < 0 ? args : args.slice(0, fim)).some((a) => a === '--help' || a === '-h');
}
