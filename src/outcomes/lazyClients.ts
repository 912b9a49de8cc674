// One SDK client factory, loaded with its bundle (dist/sdk.js) on the first call and kept for the
// session: the S3 reports and the CloudWatch Logs event log hold one each. A failed load may be
// tried again; dispose() disposes the factory if it was ever made.

export class LazyClients<Module, Factory extends { dispose(): void }> {
  private loaded: Promise<{ readonly module: Module; readonly factory: Factory }> | undefined;
  private disposed = false;

  constructor(
    private readonly loadModule: () => Promise<Module>,
    private readonly makeFactory: (module: Module) => Factory,
  ) {}

  /** The module and its factory, loaded on the first call. */
  get(): Promise<{ readonly module: Module; readonly factory: Factory }> {
    this.loaded ??= this.loadModule().then((module) => ({ module, factory: this.makeFactory(module) }));
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      void this.loaded?.then(({ factory }) => factory.dispose(), () => undefined);
    }
  }
}
