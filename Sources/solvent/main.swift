print("solvent")
