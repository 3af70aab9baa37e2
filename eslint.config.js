import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const restrict = (patterns) => ['error', { patterns }];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Type-aware rules for promises: an un-awaited command is a lost write, so a promise is
		// awaited, handled, or marked `void` with a comment that says why nothing waits for it.
		// no-misused-promises keeps its defaults: `checksVoidReturn.attributes` only looks at JSX
		// attributes, and Svelte types its event attributes as returning `any`, so a handler that
		// returns a promise (onclick={() => runner.run(...)}) passes either way. Such a handler
		// settles its own errors (CommandRunner.run/queue, DestructiveAction.ask or a try/catch).
		files: ['src/**/*.ts', 'src/**/*.svelte', 'tests/**/*.ts', 'tests/**/*.svelte'],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		rules: {
			// A <button> without a type submits its form: each one says what it is.
			'svelte/button-has-type': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
			]
		}
	},
	// Layers point one way down (DESIGN.md): domain is pure, db knows only domain types,
	// pages and components read and write through src/lib/app.
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': restrict([
				{
					group: [
						'dexie',
						'dexie/*',
						'svelte',
						'svelte/*',
						'$app/*',
						'$lib/db/*',
						'$lib/app/*',
						'$lib/ui/*',
						'$lib/i18n',
						'$lib/i18n/*'
					],
					message: 'src/lib/domain stays pure.'
				}
			])
		}
	},
	{
		files: ['src/lib/db/**'],
		rules: {
			'no-restricted-imports': restrict([
				{
					group: ['$lib/app/*', '$lib/ui/*', '$lib/i18n', 'svelte', '$app/*'],
					message: 'src/lib/db holds the schema only.'
				}
			])
		}
	},
	{
		files: ['src/lib/app/**'],
		rules: {
			'no-restricted-imports': restrict([
				{
					group: ['$lib/ui/*', 'svelte', 'svelte/*', '$app/*'],
					message: 'Commands do not know the UI.'
				}
			])
		}
	},
	{
		files: ['src/lib/ui/**', 'src/routes/**'],
		rules: {
			'no-restricted-imports': restrict([
				{
					group: ['dexie', 'dexie/*', '$lib/db/*'],
					message: 'Pages and components read and write through src/lib/app.'
				}
			])
		}
	},
	{
		ignores: ['src/lib/i18n/paraglide/', 'build/', 'build-*/', '.svelte-kit/', 'node_modules/']
	}
);
