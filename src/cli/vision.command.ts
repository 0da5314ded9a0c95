import { Command } from "commander";

export function visionCommand(): Command {
  return new Command("vision").description("district vision processes");
}
