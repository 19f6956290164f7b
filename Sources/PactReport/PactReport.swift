import PactModel
