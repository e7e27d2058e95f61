/**
 * The action runs on `node24` (action.yml). The `node` devDependency puts Node 24 first on the PATH of npm
 * scripts; a run on any other major would test a runtime the action never sees, so it stops here.
 */
export default function assertNode24() {
  const major = Number(process.versions.node.split('.')[0])
  if (major !== 24) {
    throw new Error(
      `Tests must run on Node 24 (the action's runtime), not ${process.version}. Run them through npm (npm test), which puts node_modules/.bin/node first on the PATH.`
    )
  }
}
