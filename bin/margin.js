#!/usr/bin/env node
// The CLI is built into out/ by `npm install` (the prepare script).
import '../out/main/cli.js';
