#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (root `prepare` script).
require('../dist/cli.js');
