import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { resetDemoData } from '$lib/app/demo';
import type { DemoLanguage } from '$lib/app/demo-data';
import { ValidationError } from '$lib/app/errors';
import { addDays, todayIso } from '$lib/domain/dates';
import { TRAINING_SETTING } from './active';
import { checksOfStep, exerciseState, holds, namesOf, type Mark } from './checks';
import { exerciseById } from './exercises';
import { FACT_TABLES, readFacts, readMark } from './facts';
import type { Exercise, ExerciseState } from './model';

/**
 * The commands and the query of exercise progress. Progress belongs to the company: it is one
 * row of its `settings` (`training`), kept across the reset that starts an exercise.
 */

export { TRAINING_SETTING };

export interface ExerciseProgress {
	version: number;
	startedAt: string;
	/** The steps done, in order, each with when. */
	done: Array<{ step: string; at: string }>;
	/** marks[0] is the start; marks[i] was taken when the i-th step was done. */
	marks: Mark[];
	completedAt: string;
}

export interface TrainingProgress {
	/** The exercise running now ('' none). */
	active: string;
	exercises: Record<string, ExerciseProgress>;
}

const NONE: TrainingProgress = { active: '', exercises: {} };

function parse(value: string | undefined): TrainingProgress {
	if (!value) return NONE;
	try {
		const parsed = JSON.parse(value) as Partial<TrainingProgress>;
		return {
			active: typeof parsed.active === 'string' ? parsed.active : '',
			exercises: parsed.exercises && typeof parsed.exercises === 'object' ? parsed.exercises : {}
		};
	} catch {
		return NONE;
	}
}

export async function readProgress(): Promise<TrainingProgress> {
	return parse((await db.settings.get(TRAINING_SETTING))?.value);
}

function writeProgress(progress: TrainingProgress) {
	return db.settings.put({ key: TRAINING_SETTING, value: JSON.stringify(progress) });
}

/** The progress of every exercise in the company, live. */
export function progressQuery(): Observable<TrainingProgress> {
	return liveQuery(readProgress);
}

function exerciseOf(id: string): Exercise {
	const exercise = exerciseById(id);
	if (!exercise) throw new ValidationError('training.unknown', `There is no exercise ${id}.`);
	return exercise;
}

/** The first step of the exercise not yet done in `progress` (undefined when all are). */
export function currentStep(exercise: Exercise, progress: ExerciseProgress | undefined) {
	const done = new Set(progress?.done.map((entry) => entry.step));
	return exercise.steps.find((step) => !done.has(step.id));
}

/**
 * Starts an exercise, or starts it again: resets the company to the demo company (in
 * `language`) with its work date, keeps the progress of the other exercises, and marks the
 * start. The exercise's progress so far is dropped.
 */
export async function startExercise(input: { id: string; language: DemoLanguage }): Promise<void> {
	const exercise = exerciseOf(input.id);
	const before = await readProgress();
	// Today is the work date when none is stored (no banner); another day is stored.
	const offset = exercise.start.workDateOffsetDays;
	const workDate = offset === 0 ? undefined : addDays(todayIso(), offset);
	await resetDemoData({ language: input.language, workDate });
	await db.transaction('rw', FACT_TABLES(), async () => {
		const first = exercise.steps[0];
		const mark = await readMark(namesOf(first ? checksOfStep(first) : []));
		await writeProgress({
			active: exercise.id,
			exercises: {
				...before.exercises,
				[exercise.id]: {
					version: exercise.version,
					startedAt: mark.at,
					done: [],
					marks: [mark],
					completedAt: ''
				}
			}
		});
	});
}

/**
 * Records the current step of the running exercise as done when its check holds on the facts
 * read now (the command decides again; the panel only asks), and marks what the company holds,
 * so that the next step counts only what comes after. Returns whether a step was recorded.
 */
export async function completeStep(input: { id: string }): Promise<boolean> {
	const exercise = exerciseOf(input.id);
	return db.transaction('rw', FACT_TABLES(), async () => {
		const progress = await readProgress();
		const own = progress.exercises[exercise.id];
		if (!own || own.version !== exercise.version || own.completedAt) return false;
		const step = currentStep(exercise, own);
		const mark = own.marks[own.done.length];
		if (!step || !mark) return false;
		if (!holds(step.check, await readFacts(mark, namesOf(checksOfStep(step))))) return false;
		const index = exercise.steps.indexOf(step);
		const next = exercise.steps[index + 1];
		const now = await readMark(namesOf(next ? checksOfStep(next) : []));
		await writeProgress({
			...progress,
			exercises: {
				...progress.exercises,
				[exercise.id]: {
					...own,
					done: [...own.done, { step: step.id, at: now.at }],
					marks: [...own.marks, now],
					completedAt: next ? '' : now.at
				}
			}
		});
		return true;
	});
}

/** Closes the exercise panel; the progress stays. */
export async function closeExercise(): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const progress = await readProgress();
		if (progress.active) await writeProgress({ ...progress, active: '' });
	});
}

/** Opens the panel of an exercise started before, where it was left. */
export async function resumeExercise(input: { id: string }): Promise<void> {
	exerciseOf(input.id);
	await db.transaction('rw', db.settings, async () => {
		const progress = await readProgress();
		if (!progress.exercises[input.id]) return;
		await writeProgress({ ...progress, active: input.id });
	});
}

/** The exercise running now, its progress and its state as the checks decide it from the facts. */
export interface RunView {
	exercise: Exercise;
	progress: ExerciseProgress;
	state: ExerciseState;
	/** A step the checks pass that is not recorded yet: the panel asks completeStep. */
	toRecord: boolean;
}

/** The running exercise (null: none, or one whose progress is of another version). */
export async function readRun(): Promise<RunView | null> {
	const progress = await readProgress();
	const exercise = exerciseById(progress.active);
	const own = exercise ? progress.exercises[exercise.id] : undefined;
	if (!exercise || !own || own.version !== exercise.version) return null;
	const done = own.done.map((entry) => entry.step);
	const step = currentStep(exercise, own);
	const mark = own.marks[own.done.length];
	const facts = step && mark ? await readFacts(mark, namesOf(checksOfStep(step))) : null;
	const state = exerciseState(exercise, done, facts);
	return { exercise, progress: own, state, toRecord: state.passes };
}

/** The running exercise, read again after every change of its facts or its progress. */
export function runQuery(): Observable<RunView | null> {
	return liveQuery(readRun);
}
