import { CommandContext } from '../../platform/commands/command-context';

/** Who acts, as deciders see it: taken from the verified principal, never from the body. */
export interface Actor {
  role: string;
  org: string;
  userId: string;
}

export function actorOf(context: CommandContext): Actor {
  const { role, org, userId } = context.principal;
  return { role, org, userId };
}
