export { pulumiOfflineScript, repoRoot, requireEngine } from './engine';
export { type PackageSource } from './project-dir';
export {
  createPulumiProject,
  type CreatePulumiProjectOptions,
  type PulumiCallOptions,
  type PulumiProject,
} from './pulumi-project';
export { processesOfRun, PulumiCommandError, runPulumi, type PulumiResult, type RunPulumiOptions } from './run-pulumi';
export { managedResources, type ExportedResource, type StackExport } from './stack-export';
