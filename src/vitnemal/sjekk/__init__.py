"""sjekk"""
