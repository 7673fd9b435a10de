// Bundled to CommonJS (out/preload/index.cjs): sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('followthrough', createBridge(ipcRenderer));
