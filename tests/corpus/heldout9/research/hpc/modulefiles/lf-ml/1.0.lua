-- -*- lua -*-
-- Lmod modulefile for the Lanternfall Labs ML stack
whatis("Name: lf-ml")
whatis("Version: 1.0")
whatis("Description: PyTorch 2.2 + transformers environment for Lanternfall Labs projects")

help([[
Conda environment with torch 2.2.0, transformers 4.38, datasets, wandb and lfml.
API keys are NOT set by this module. Put WANDB_API_KEY / HF_TOKEN in your own
~/.bashrc or pass them via sbatch --export.
]])

local root = "/opt/apps/lf-ml/1.0"
conflict("anaconda3", "miniconda3")
depends_on("cuda/12.2")

prepend_path("PATH", pathJoin(root, "bin"))
prepend_path("LD_LIBRARY_PATH", pathJoin(root, "lib"))
setenv("LF_ML_ROOT", root)
setenv("HF_HUB_DISABLE_TELEMETRY", "1")
setenv("WANDB_MODE", "online")
setenv("TOKENIZERS_PARALLELISM", "false")
