const tasks = new Set<() => void>();
let listening = false;

function interrupted(signal: NodeJS.Signals) {
  console.error(`\n${signal}: stopping the services and removing the baseline's worktree`);
  for (const task of [...tasks].reverse()) {
    try {
      task();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Runs `task` (synchronous) if the bench is interrupted before the returned function is called,
 * so that Ctrl-C leaves no service running and no worktree behind.
 */
export function onInterrupt(task: () => void): () => void {
  if (!listening) {
    listening = true;
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
  }
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}
