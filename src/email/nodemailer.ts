import type Nodemailer from 'nodemailer';
import { lazyModule } from '../lazy-module.ts';

/** The mail library, loaded with the first message: a process that sends none keeps it out. */
export const nodemailer = lazyModule<typeof Nodemailer>('nodemailer');
